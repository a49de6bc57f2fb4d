import { createHash } from 'node:crypto';

/**
 * deriveArticleId: a stable id from the path relative to the content root, so rebuilds on any
 * machine give every article the same URL. The path is NFC-normalized because macOS file systems
 * hand back decomposed Unicode names.
 */
export function deriveArticleId(relPath: string): string {
  return createHash('sha256').update(relPath.normalize('NFC'), 'utf8').digest('hex').slice(0, 12);
}

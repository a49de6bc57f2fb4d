import { createHash } from 'node:crypto';

/**
 * deriveArticleId: a stable id from the path relative to the content root, so rebuilds on any
 * machine give every article the same URL. The path is hashed as stored: the walk stores names in
 * NFC (macOS file systems hand back decomposed ones), except a decomposed name whose NFC twin is
 * another file in the same folder, which must get an id of its own.
 */
export function deriveArticleId(relPath: string): string {
  return createHash('sha256').update(relPath, 'utf8').digest('hex').slice(0, 12);
}

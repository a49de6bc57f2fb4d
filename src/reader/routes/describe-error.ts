import { ColumnDecodeError } from '../../manifest/column-codec';
import { DocumentInvalidError, SchemaVersionMismatchError } from '../../manifest/parse';
import {
  DataHttpError,
  DataNetworkError,
  DataNotFoundError,
  DataNotJsonError,
} from '../articles/api';
import { SearchIndexMismatchError } from '../articles/queries';
import type { Messages } from '../i18n/messages';

/**
 * describeError: a sentence a reader can act on for each way loading can fail, plus the technical
 * detail (file, field) for whoever maintains the archive.
 */
export function describeError(
  error: unknown,
  t: Messages,
  what: 'archive' | 'body' | 'search' | 'rows',
): { message: string; detail: string | null } {
  if (error instanceof DataNotFoundError) {
    const messages = {
      archive: t.errorManifestMissing,
      body: t.errorBodyMissing,
      search: t.errorSearchIndexMissing,
      rows: t.errorRowsMissing,
    };
    return { message: messages[what], detail: error.url };
  }
  if (error instanceof ColumnDecodeError || error instanceof SearchIndexMismatchError) {
    return { message: t.errorInvalid, detail: error.message };
  }
  if (error instanceof DataNotJsonError) return { message: t.errorNotJson, detail: error.url };
  if (error instanceof SchemaVersionMismatchError) {
    return {
      message: t.errorVersion(String(error.found ?? '?'), error.expected),
      detail: error.document,
    };
  }
  if (error instanceof DocumentInvalidError) {
    return {
      message: t.errorInvalid,
      detail: error.issues
        .slice(0, 5)
        .map((issue) => `${error.document} → ${issue.path || '(root)'}: ${issue.message}`)
        .join('\n'),
    };
  }
  if (error instanceof DataNetworkError) return { message: t.errorOffline, detail: error.url };
  if (error instanceof DataHttpError)
    return { message: t.errorHttp(error.status), detail: error.url };
  return { message: t.errorUnknown, detail: error instanceof Error ? error.message : null };
}

/**
 * How articles are numbered. The list shows articles newest first, undated last (list position,
 * "row"). Files are laid out by document number, the reverse of that: the oldest dated article is
 * 0 and the newest the last, with the undated before them all. A growing archive appends new
 * articles at the end, so they land in the last row chunk and body group, and every earlier
 * document keeps its number, its row chunk and its body group's path.
 *
 * The mapping is its own inverse and needs only the article count.
 */

/** documentOfRow: the document number of list position `row` in an archive of `count`. */
export const documentOfRow = (count: number, row: number) => count - 1 - row;

/** rowOfDocument: the list position of document `document` in an archive of `count`. */
export const rowOfDocument = (count: number, document: number) => count - 1 - document;

/** chunkOf: the row chunk holding `document`, and its place in the chunk. */
export const chunkOf = (chunkSize: number, document: number) => ({
  chunk: Math.floor(document / chunkSize),
  offset: document % chunkSize,
});

import { ArticleRowSchema, type ArticleRow } from '../../manifest/schema';

let nextId = 1;

/**
 * makeRow: a valid ArticleRow for tests, with a fresh id unless one is given, and a body hash
 * derived from the id. Every row is checked against the schema so a fixture can never drift from
 * the contract.
 */
export function makeRow(fields: Partial<ArticleRow> = {}): ArticleRow {
  const id = fields.id ?? (nextId++).toString(16).padStart(12, '0');
  return ArticleRowSchema.parse({
    id,
    title: `Article ${id}`,
    source: 'Source A',
    channel: null,
    author: null,
    date: '2021-07-29T05:11:25.000Z',
    image: null,
    url: null,
    excerpt: '',
    length: 1200,
    readingMinutes: 3,
    lang: 'zh',
    body: `b0d7${id}`,
    ...fields,
  });
}

/** ids: the ids of a list of rows, for comparing order and membership. */
export const ids = (rows: readonly ArticleRow[]): string[] => rows.map((row) => row.id);

import { ArticleSummarySchema, type ArticleSummary } from '../../manifest/schema';

let nextId = 1;

/**
 * makeArticle: a valid ArticleSummary for tests, with a fresh id unless one is given. Every
 * article is checked against the schema so a fixture can never drift from the contract.
 */
export function makeArticle(fields: Partial<ArticleSummary> = {}): ArticleSummary {
  const id = fields.id ?? (nextId++).toString(16).padStart(12, '0');
  return ArticleSummarySchema.parse({
    id,
    title: `Article ${id}`,
    source: 'Source A',
    channel: null,
    author: null,
    date: '2021-07-29T05:11:25.000Z',
    image: null,
    excerpt: '',
    length: 1200,
    readingMinutes: 3,
    lang: 'zh',
    ...fields,
  });
}

/** ids: the ids of a list of articles, for comparing order and membership. */
export const ids = (articles: readonly ArticleSummary[]): string[] =>
  articles.map((article) => article.id);

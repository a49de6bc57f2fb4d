import { z } from 'zod';
import { SOURCE_ORIGINS, type SourceOrigin } from './derive/source';

export const SourceOriginSchema = z.enum(SOURCE_ORIGINS);

const OriginCountsSchema = z.partialRecord(SourceOriginSchema, z.int().positive());

/** One source as the reader lists it, and how ingest came by its name, article by article. */
export const SourceReportSchema = z.object({
  name: z.string(),
  articles: z.int().positive(),
  origins: OriginCountsSchema,
});

/** Names that look like one source written two ways, to be merged with `aliases` in the config. */
export const AliasSuggestionSchema = z.object({
  source: z.string(),
  aliases: z.array(z.string()).min(1),
});

export const SourcesReportSchema = z.object({
  /** Articles per origin of their source name, over the whole archive. */
  origins: OriginCountsSchema,
  sources: z.array(SourceReportSchema),
  aliasSuggestions: z.array(AliasSuggestionSchema),
});

export type SourceReport = z.infer<typeof SourceReportSchema>;
export type AliasSuggestion = z.infer<typeof AliasSuggestionSchema>;
export type SourcesReport = z.infer<typeof SourcesReportSchema>;

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** summarizeSources: per source name, its articles and where the name came from. */
export function summarizeSources(
  articles: { source: string; origin: SourceOrigin }[],
): SourcesReport {
  const origins: Partial<Record<SourceOrigin, number>> = {};
  const bySource = new Map<string, Partial<Record<SourceOrigin, number>>>();
  for (const { source, origin } of articles) {
    origins[origin] = (origins[origin] ?? 0) + 1;
    const counts = bySource.get(source) ?? {};
    counts[origin] = (counts[origin] ?? 0) + 1;
    bySource.set(source, counts);
  }
  const sources = [...bySource]
    .map(([name, counts]) => ({
      name,
      articles: Object.values(counts).reduce((sum, count) => sum + count, 0),
      origins: counts,
    }))
    .sort((a, b) => b.articles - a.articles || byCodePoint(a.name, b.name));
  return { origins, sources, aliasSuggestions: suggestAliases(sources) };
}

/** Case, width, spaces and punctuation do not make two names different sources. */
function foldName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

const HAN = /\p{Script=Han}/u;
const LATIN_OR_DIGIT = /^[\p{Script=Latin}\p{N}]+$/u;

/**
 * Whether two names look like one source: one, folded, is the other plus a few characters
 * (`i黑马` / `i黑马网`, `知乎` / `知乎 - 专栏`), or they share a start and end one in Latin
 * letters, the other in Chinese, as a transliteration (`36kr` / `36氪`). Two Chinese endings
 * (`北京晚报` / `北京晨报`) are different papers.
 */
export function looksLikeSameSource(a: string, b: string): boolean {
  const [x, y] = [foldName(a), foldName(b)];
  if (x === '' || y === '' || x === y) return x === y && x !== '';
  let common = 0;
  while (common < x.length && common < y.length && x[common] === y[common]) common += 1;
  if (common < 2) return false;
  const [restX, restY] = [[...x.slice(common)], [...y.slice(common)]];
  if (restX.length === 0 || restY.length === 0) {
    return restX.length + restY.length <= 4 || /\s[-|｜–—]\s/u.test(a + b);
  }
  if (restX.length > 3 || restY.length > 3) return false;
  const latinX = LATIN_OR_DIGIT.test(restX.join(''));
  const latinY = LATIN_OR_DIGIT.test(restY.join(''));
  return (
    (latinX && restY.every((char) => HAN.test(char))) ||
    (latinY && restX.every((char) => HAN.test(char)))
  );
}

/**
 * suggestAliases: groups of names that look like one source, each under the name with the most
 * articles (then the shorter), for the config's `aliases`.
 */
export function suggestAliases(sources: { name: string; articles: number }[]): AliasSuggestion[] {
  const ranked = [...sources].sort(
    (a, b) =>
      b.articles - a.articles || a.name.length - b.name.length || byCodePoint(a.name, b.name),
  );
  const taken = new Set<string>();
  const suggestions: AliasSuggestion[] = [];
  for (const { name } of ranked) {
    if (taken.has(name)) continue;
    const aliases = ranked
      .filter((other) => other.name !== name && !taken.has(other.name))
      .filter((other) => looksLikeSameSource(name, other.name))
      .map((other) => other.name);
    if (aliases.length === 0) continue;
    taken.add(name);
    for (const alias of aliases) taken.add(alias);
    suggestions.push({ source: name, aliases });
  }
  return suggestions.sort((a, b) => byCodePoint(a.source, b.source));
}

const ORIGIN_LABELS: Record<SourceOrigin, string> = {
  'source-field': 'a source field',
  byline: 'a 来源 byline',
  categories: 'the archiver’s categories',
  'author-field': 'an author field',
  folder: 'a folder name',
  unknown: 'nowhere (Unknown)',
};

/**
 * formatSourcesSummary: how the source names were found, loudly when many come from folder names
 * (which are rarely outlets), with the config lines that would fix them and merge look-alikes.
 */
export function formatSourcesSummary(report: SourcesReport, articles: number): string[] {
  const parts = SOURCE_ORIGINS.flatMap((origin) => {
    const count = report.origins[origin];
    return count ? [`${count} from ${ORIGIN_LABELS[origin]}`] : [];
  });
  const lines = [`Sources: ${report.sources.length} names; ${parts.join(', ')}`];
  const fromFolders = report.sources.filter((source) => source.origins.folder);
  const folderArticles = report.origins.folder ?? 0;
  if (folderArticles > 0) {
    const share = Math.round((folderArticles / Math.max(articles, 1)) * 100);
    const names = fromFolders.map((source) => `${source.name} (${source.origins.folder})`);
    lines.push(
      `  ${folderArticles} articles (${share}%) took their source from a folder name: ${names.join(', ')}.`,
      `  If a folder is not an outlet, name it in chronicle.config.json: "sources": { "${fromFolders[0]!.name}": { "displayName": "…" } }`,
    );
  }
  for (const { source, aliases } of report.aliasSuggestions) {
    lines.push(
      `  possibly one source: ${[source, ...aliases].join(' / ')} → "sources": { "${source}": { "aliases": ${JSON.stringify(aliases)} } }`,
    );
  }
  return lines;
}

import type { RemovalReport } from '../../manifest/schema';
import { useI18n } from '../i18n/i18n';

/** The removals parted by how loudly to tell them (see articles/removal-kinds.ts). */
export interface RemovalSummary {
  substantive: { kind: string; count: number }[];
  substantiveTotal: number;
  cosmeticTotal: number;
}

/**
 * RemovalNote: tells the reader what the sanitizer took out of this article. By default the
 * removals that matter, e.g. "3 removed (2 iframe, 1 form)", with plain links to removed embeds
 * such as videos; with `cosmetic`, a plain line counting the styling and tracking left out.
 */
export function RemovalNote({
  summary,
  embeds,
  cosmetic = false,
}: {
  summary: RemovalSummary;
  embeds: RemovalReport['embeds'];
  cosmetic?: boolean;
}) {
  const { t } = useI18n();
  const { substantive, substantiveTotal, cosmeticTotal } = summary;
  if (cosmetic) {
    return cosmeticTotal > 0 ? (
      <p className="cosmetic-removals">{t.cosmeticRemovals(cosmeticTotal)}</p>
    ) : null;
  }
  if (substantiveTotal === 0) return null;
  const name = (kind: string) => t.removedKind[kind] ?? kind;
  return (
    <details className="removal-note">
      <summary>
        {t.removedNote(
          substantiveTotal,
          substantive.map(({ kind, count }) => ({ name: name(kind), count })),
        )}
      </summary>
      <ul aria-label={t.removedKinds}>
        {substantive.map(({ kind, count }) => (
          <li key={kind}>
            {name(kind)}: {count}
          </li>
        ))}
        {embeds.map((embed) => (
          <li key={embed.url}>
            <a
              href={embed.url}
              target="_blank"
              rel="noopener noreferrer"
              aria-label={t.embedLink(name(embed.kind))}
            >
              {embed.url}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}

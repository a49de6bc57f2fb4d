import type { RemovalReport } from '../../manifest/schema';
import { useI18n } from '../i18n/i18n';

/**
 * RemovalNote: tells the reader what the sanitizer took out of this article, e.g. "3 removed
 * (2 iframe, 1 form)", with plain links to removed embeds such as videos.
 */
export function RemovalNote({ removed }: { removed: RemovalReport }) {
  const { t } = useI18n();
  if (removed.total === 0) return null;
  const kinds = Object.entries(removed.byKind).sort(([a], [b]) => (a < b ? -1 : 1));
  const name = (kind: string) => t.removedKind[kind] ?? kind;
  return (
    <details className="removal-note">
      <summary>
        {t.removedNote(
          removed.total,
          kinds.map(([kind, count]) => ({ name: name(kind), count })),
        )}
      </summary>
      <ul aria-label={t.removedKinds}>
        {kinds.map(([kind, count]) => (
          <li key={kind}>
            {name(kind)}: {count}
          </li>
        ))}
        {removed.embeds.map((embed) => (
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

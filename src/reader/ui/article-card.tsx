import type { ReactNode } from 'react';
import type { ArticleRow } from '../../manifest/schema';
import { FallbackImage } from './fallback-image';
import { FormattedDate } from './formatted-date';

interface ArticleCardProps {
  article: ArticleRow;
  /** The link to the article, built by the route so it carries the view's state. */
  link: ReactNode;
  locale: string;
  undatedLabel: string;
  imageUrl: string | null;
  /** Shown, as text, in place of a thumbnail that fails to load. */
  imageUnavailableLabel: string;
  /** Shown under the title in place of the excerpt, e.g. a search snippet. */
  summary?: ReactNode;
  /** Read articles are shown quieter, and said to be read (`readLabel`) to screen readers. */
  read?: boolean;
  readLabel?: string;
  /** Controls beside the text, e.g. the star; they stay clickable above the row's link. */
  actions?: ReactNode;
}

/**
 * ArticleCard: one row of the list — title, source, date, excerpt and thumbnail, all as text. The
 * title's link covers the whole card, so a tap on the excerpt or the thumbnail opens it too.
 */
export function ArticleCard({
  article,
  link,
  locale,
  undatedLabel,
  imageUrl,
  imageUnavailableLabel,
  summary,
  read = false,
  readLabel,
  actions,
}: ArticleCardProps) {
  return (
    <article
      className={read ? 'article-card article-card--read' : 'article-card'}
      lang={article.lang === 'und' ? undefined : article.lang}
    >
      <div className="article-card__text">
        <h2 className="article-card__title">{link}</h2>
        <p className="article-card__meta">
          {read && readLabel && (
            <>
              <span className="article-card__read">{readLabel}</span>
              <span aria-hidden="true"> · </span>
            </>
          )}
          <span className="article-card__source">{article.source}</span>
          <span aria-hidden="true"> · </span>
          {article.date ? (
            <FormattedDate iso={article.date} locale={locale} />
          ) : (
            <span>{undatedLabel}</span>
          )}
        </p>
        {summary ?? (article.excerpt && <p className="article-card__excerpt">{article.excerpt}</p>)}
      </div>
      {imageUrl && (
        <FallbackImage
          className="article-card__thumbnail"
          src={imageUrl}
          unavailableLabel={imageUnavailableLabel}
          alt=""
          loading="lazy"
          decoding="async"
          referrerPolicy="no-referrer"
          width={120}
          height={80}
        />
      )}
      {actions && <div className="article-card__actions">{actions}</div>}
    </article>
  );
}

/** ArticleCardSkeleton: the row's shape while its chunk loads, so nothing jumps when it arrives. */
export function ArticleCardSkeleton({ label }: { label: string }) {
  return (
    <div className="article-card article-card--loading" aria-busy="true" aria-label={label}>
      <div className="article-card__text">
        <div className="skeleton__line skeleton__line--60" />
        <div className="skeleton__line skeleton__line--90" />
        <div className="skeleton__line skeleton__line--96" />
      </div>
    </div>
  );
}

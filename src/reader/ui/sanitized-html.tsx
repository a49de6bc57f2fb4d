import DOMPurify from 'dompurify';
import { useMemo } from 'react';
import { createArticleSanitizer, type ArticleSanitizer } from '../../sanitizer/article-policy';

let sanitizer: ArticleSanitizer | null = null;

function getSanitizer(): ArticleSanitizer {
  sanitizer ??= createArticleSanitizer(DOMPurify(window));
  return sanitizer;
}

interface SanitizedHtmlProps {
  html: string;
  /** Maps an image path stored by ingest (`media/…`) to a URL the browser can load. */
  resolveImageSrc: (src: string) => string | null;
  lang?: string;
  className?: string;
}

/**
 * SanitizedHtml: the one place article HTML reaches the DOM. Bodies were sanitized at ingest and
 * are sanitized again here with the same policy, so a tampered or stale data file cannot inject
 * anything; with Trusted Types enforced, only DOMPurify's TrustedHTML is accepted.
 */
export function SanitizedHtml({ html, resolveImageSrc, lang, className }: SanitizedHtmlProps) {
  const clean = useMemo(
    () => getSanitizer().sanitizeForInjection(html, { resolveImageSrc }).html,
    [html, resolveImageSrc],
  );
  return (
    <div
      className={className}
      lang={lang}
      // React accepts TrustedHTML here; the cast only widens React's string-typed prop.
      dangerouslySetInnerHTML={{ __html: clean as string }}
    />
  );
}

import DOMPurify from 'dompurify';
import { useLayoutEffect, useMemo, useRef } from 'react';
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
  /** Shown, as text, in place of an image that fails to load. */
  imageUnavailableLabel: string;
}

/**
 * SanitizedHtml: the one place article HTML reaches the DOM. Bodies were sanitized at ingest and
 * are sanitized again here with the same policy, so a tampered or stale data file cannot inject
 * anything; with Trusted Types enforced, only DOMPurify's TrustedHTML is accepted.
 */
export function SanitizedHtml({
  html,
  resolveImageSrc,
  lang,
  className,
  imageUnavailableLabel,
}: SanitizedHtmlProps) {
  const clean = useMemo(
    () => getSanitizer().sanitizeForInjection(html, { resolveImageSrc }).html,
    [html, resolveImageSrc],
  );
  const containerRef = useRef<HTMLDivElement>(null);
  // A layout effect: it runs in the same task that set the HTML, before any load can fail, so
  // no image's error event is missed. Error events do not bubble, hence the capture phase.
  useLayoutEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const showPlaceholder = (event: Event) => {
      if (!(event.target instanceof HTMLImageElement)) return;
      event.target.replaceWith(imagePlaceholder(imageUnavailableLabel));
    };
    container.addEventListener('error', showPlaceholder, true);
    return () => container.removeEventListener('error', showPlaceholder, true);
  }, [clean, imageUnavailableLabel]);
  return (
    <div
      ref={containerRef}
      className={className}
      lang={lang}
      // React accepts TrustedHTML here; the cast only widens React's string-typed prop.
      dangerouslySetInnerHTML={{ __html: clean as string }}
    />
  );
}

/**
 * A neutral text in place of a broken image: inside a link, a broken image would otherwise show
 * its alt text as the link's text. Built as text, never as HTML.
 */
function imagePlaceholder(label: string): HTMLElement {
  const placeholder = document.createElement('span');
  placeholder.className = 'image-unavailable';
  placeholder.textContent = label;
  return placeholder;
}

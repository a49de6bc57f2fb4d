import { useEffect } from 'react';

/** useDocumentTitle: sets `document.title` as text (never markup), e.g. "Title · Chronicle". */
export function useDocumentTitle(...parts: (string | null | undefined)[]) {
  const title = [...parts.filter(Boolean), 'Chronicle'].join(' · ');
  useEffect(() => {
    document.title = title;
  }, [title]);
}

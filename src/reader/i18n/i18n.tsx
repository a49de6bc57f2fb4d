import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { FIRST_SCREEN_READER, useHydrated } from './hydration';
import { LANGUAGE_TAGS, MESSAGES, type Messages, type UiLanguage } from './messages';

const STORAGE_KEY = 'chronicle.language';

/** detectLanguage: the reader's saved choice, else the browser's first language we speak. */
export function detectUiLanguage(
  saved: string | null,
  browserLanguages: readonly string[],
): UiLanguage {
  if (saved === 'zh' || saved === 'en') return saved;
  for (const tag of browserLanguages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'zh') return 'zh';
    if (primary === 'en') return 'en';
  }
  return 'zh';
}

function readSaved(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

interface I18nValue {
  language: UiLanguage;
  tag: string;
  t: Messages;
  setLanguage: (language: UiLanguage) => void;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const hydrated = useHydrated();
  // Until hydrated, the first screen's language: the page then switches without a mismatch.
  const detected = useMemo(
    () =>
      hydrated
        ? detectUiLanguage(readSaved(), navigator.languages ?? [navigator.language])
        : FIRST_SCREEN_READER.language,
    [hydrated],
  );
  const [chosen, setLanguageState] = useState<UiLanguage | null>(null);
  const language = chosen ?? detected;
  useEffect(() => {
    document.documentElement.lang = LANGUAGE_TAGS[language];
  }, [language]);
  const setLanguage = useCallback((next: UiLanguage) => {
    setLanguageState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private modes may refuse storage; the choice then lasts for this visit.
    }
  }, []);
  const value = useMemo(
    () => ({ language, tag: LANGUAGE_TAGS[language], t: MESSAGES[language], setLanguage }),
    [language, setLanguage],
  );
  return <I18nContext value={value}>{children}</I18nContext>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}

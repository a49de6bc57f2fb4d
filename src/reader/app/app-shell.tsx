import { useEffect, type ReactNode } from 'react';
import {
  NavLink,
  Outlet,
  ScrollRestoration,
  useLocation,
  useNavigation,
  type Location,
} from 'react-router';
import { useI18n } from '../i18n/i18n';
import { releaseFirstScreen } from './first-screen';
import { useOnline } from '../ui/use-online';
import { KeyboardShortcuts } from './keyboard-shortcuts';
import { loadArticleRoute } from './lazy-routes';
import { ReadingSettingsMenu } from './reading-settings-menu';

/** The page frame: header with navigation and language switch, and the routed view in <main>. */
function Frame({ children, busy }: { children: ReactNode; busy: boolean }) {
  const { t, language, setLanguage } = useI18n();
  const online = useOnline();
  const { search, pathname } = useLocation();
  // Moving between list and timeline keeps the filters.
  const listView = pathname === '/' || pathname === '/timeline';
  const carried = listView ? search : '';
  return (
    <>
      <a className="skip-link" href="#main">
        {t.skipToContent}
      </a>
      {listView && (
        <a className="skip-link" href="#results">
          {t.skipToResults}
        </a>
      )}
      <header className="site-header">
        <NavLink to="/" className="brand" end>
          <span className="brand__name">{t.appName}</span>
          <span className="brand__tagline">{t.tagline}</span>
        </NavLink>
        <nav aria-label={t.mainNavigation}>
          <NavLink to={{ pathname: '/', search: carried }} end>
            {t.navList}
          </NavLink>
          <NavLink to={{ pathname: '/timeline', search: carried }}>{t.navTimeline}</NavLink>
        </nav>
        <ReadingSettingsMenu />
        <KeyboardShortcuts
          listSearch={listView || pathname.startsWith('/articles/') ? search : ''}
        />
        <button
          type="button"
          className="language-switch"
          lang={language === 'zh' ? 'en' : 'zh-Hans'}
          aria-label={t.languageSwitchLabel}
          onClick={() => setLanguage(language === 'zh' ? 'en' : 'zh')}
        >
          {t.languageSwitch}
        </button>
      </header>
      <div className={busy ? 'progress is-active' : 'progress'} aria-hidden="true" />
      {!online && (
        <p className="offline-banner" role="status">
          {t.offlineBanner}
        </p>
      )}
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

/**
 * Every page load starts with the history key "default", so keying positions by history entry
 * alone would carry one page's scroll position into the next URL loaded in the tab.
 */
const scrollKey = (location: Location) =>
  location.key === 'default' ? `${location.pathname}${location.search}` : location.key;

export function AppShell() {
  const navigation = useNavigation();
  // Once the first view is on screen, fetch the article view's code: not before (it would slow the
  // first view), and not later (a reader who then loses the network must still open articles).
  useEffect(() => {
    void loadArticleRoute();
  }, []);
  useEffect(() => releaseFirstScreen(document), []);
  return (
    <Frame busy={navigation.state === 'loading'}>
      <Outlet />
      <ScrollRestoration getKey={scrollKey} />
    </Frame>
  );
}

/** Shown while the first route's data loads: the same frame, with a skeleton list. */
export function AppLoading() {
  const { t } = useI18n();
  return (
    <Frame busy>
      <div className="skeleton skeleton--page" aria-busy="true" aria-label={t.loading}>
        {Array.from({ length: 6 }, (_, index) => (
          <div key={index} className="skeleton__card" />
        ))}
      </div>
    </Frame>
  );
}

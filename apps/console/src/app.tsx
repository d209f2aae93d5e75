import { ErrorBoundary, LocationProvider, Route, Router, useLocation } from 'preact-iso';
import { LANGUAGE_NAMES, LANGUAGES, type Language, TranslationProvider, useTranslation } from './i18n/i18n';
import { NotificationsProvider } from './notifications/notifications';
import { PAGES } from './pages';
import { SessionProvider, useSession, useSessionControl } from './session/session';
import { SignInPage } from './session/sign-in-page';

export function App() {
  return (
    <TranslationProvider>
      <SessionProvider>
        <LocationProvider>
          <Shell />
        </LocationProvider>
      </SessionProvider>
    </TranslationProvider>
  );
}

function LanguageSwitch() {
  const { t, language, setLanguage } = useTranslation();
  return (
    <div class="language-switch">
      <label for="language">{t('nav.language')}</label>
      <select id="language" value={language} onChange={(event) => setLanguage(event.currentTarget.value as Language)}>
        {LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code} translate={false}>
            {LANGUAGE_NAMES[code]}
          </option>
        ))}
      </select>
    </div>
  );
}

function Navigation() {
  const { viewer, signOut } = useSession();
  const { t, label, countryName } = useTranslation();
  const { path } = useLocation();
  return (
    <>
      <nav aria-label={t('nav.main')}>
        <ul>
          {PAGES.filter((page) => page.nav?.shownTo(viewer)).map((page) => {
            const Badge = page.nav?.badge;
            return (
              <li key={page.path}>
                <a href={page.path} aria-current={path === page.path ? 'page' : undefined}>
                  {t(page.nav?.label ?? '')}
                  {Badge ? <Badge /> : null}
                </a>
              </li>
            );
          })}
        </ul>
      </nav>
      <div class="viewer">
        <span translate={false}>{viewer.name}</span>
        <span class="viewer-role">
          {viewer.country ? `${countryName(viewer.country.code)} · ` : ''}
          {viewer.roles.map((role) => label('Role', role)).join(', ')}
        </span>
        <button type="button" class="link-button" onClick={signOut}>
          {t('nav.signOut')}
        </button>
      </div>
    </>
  );
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t('notFound.title')}</h1>
      <p>
        <a href="/">{t('notFound.back')}</a>
      </p>
    </section>
  );
}

function Shell() {
  const { state } = useSessionControl();
  // The signed-in viewer's notifications are counted on every page, for the badge in the navigation.
  return state.kind === 'signed-in' ? (
    <NotificationsProvider>
      <Layout />
    </NotificationsProvider>
  ) : (
    <Layout />
  );
}

function Layout() {
  const { state } = useSessionControl();
  const { t } = useTranslation();
  return (
    <>
      <a class="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header class="top">
        <a class="brand" href="/">
          {t('app.title')}
        </a>
        {state.kind === 'signed-in' ? <Navigation /> : null}
        <LanguageSwitch />
      </header>
      <main id="main" tabIndex={-1}>
        {state.kind === 'checking' ? (
          <p role="status">{t('common.loading')}</p>
        ) : state.kind === 'signed-out' ? (
          <SignInPage error={state.error} />
        ) : (
          <ErrorBoundary>
            <Router>
              {[
                ...PAGES.map((page) => <Route key={page.path} path={page.path} component={page.component} />),
                <Route key="not-found" default component={NotFound} />,
              ]}
            </Router>
          </ErrorBoundary>
        )}
      </main>
    </>
  );
}

// The frame around every signed-in page: skip link, navigation, user menu, and the page.
import { useEffect, useRef, useState } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { MainNav } from './MainNav';
import { canChangeDonors, useSession } from '../session/session';
import { ErrorBoundary } from './ErrorBoundary';
import { useI18n } from '../i18n/i18n';
import { LanguageSwitch } from './LanguageSwitch';

function UserMenu() {
  const session = useSession();
  const { t } = useI18n();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const menu = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !menu.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);
  const user = session.user;
  return (
    <div className="user-menu" ref={menu}>
      <button
        type="button"
        className="button button-quiet"
        aria-haspopup="true"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="user-name">{user?.display_name || user?.username}</span>
        <span className="role-badge">{user ? t(`role.${user.role}`) : ''}</span>
      </button>
      {open && (
        <div className="user-menu-list" role="menu">
          <div className="user-menu-who" role="none">
            {t('shell.signedInAs')} <strong>{user?.username}</strong>
            {user ? ` · ${t(`role.${user.role}`)}` : ''}
            {user?.totp_enabled ? ` · ${t('shell.secondFactorOn')}` : ''}
          </div>
          <LanguageSwitch inMenu onChosen={() => setOpen(false)} />
          <Link role="menuitem" className="menu-item" to="/tokens" onClick={() => setOpen(false)}>
            {t('shell.tokens')}
          </Link>
          <button type="button" role="menuitem" className="menu-item" onClick={() => {
              // The next person to sign in starts on the dashboard, not on this page.
              navigate('/', { replace: true });
              void session.signOut();
            }}
          >
            {t('shell.signOut')}
          </button>
        </div>
      )}
    </div>
  );
}

export function AppShell() {
  const session = useSession();
  const { t, language } = useI18n();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  // Move focus to the page on navigation so keyboard and screen-reader users land on it.
  useEffect(() => {
    main.current?.focus({ preventScroll: true });
  }, [location.pathname]);
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('shell.skip')}
      </a>
      <header className="topbar">
        <div className="brand">Steward</div>
        <MainNav />
        <div className="topbar-end">
          {canChangeDonors(session.user) && (
            <NavLink to="/gifts/new" className="button button-primary button-small">
              {t('shell.newGift')}
            </NavLink>
          )}
          <UserMenu />
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1} className="page">
        {/* A language change remounts the page so every string and number follows it. */}
        <ErrorBoundary resetKey={location.pathname} key={language}>
          <Outlet />
        </ErrorBoundary>
      </main>
    </div>
  );
}

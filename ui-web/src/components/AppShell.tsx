// The frame around every signed-in page: skip link, navigation, user menu, and the page.
import { useEffect, useRef, useState } from 'react';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { canChangeDonors, useSession } from '../session/session';
import { ErrorBoundary } from './ErrorBoundary';

function UserMenu() {
  const session = useSession();
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
        {user?.display_name || user?.username}
        <span className="role-badge">{user?.role}</span>
      </button>
      {open && (
        <div className="user-menu-list" role="menu">
          <div className="user-menu-who" role="none">
            Signed in as <strong>{user?.username}</strong>
            {user?.totp_enabled ? ' · second factor on' : ''}
          </div>
          <button type="button" role="menuitem" className="menu-item" onClick={() => {
              // The next person to sign in starts on the dashboard, not on this page.
              navigate('/', { replace: true });
              void session.signOut();
            }}
          >
            Sign out
          </button>
        </div>
      )}
    </div>
  );
}

export function AppShell() {
  const session = useSession();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  // Move focus to the page on navigation so keyboard and screen-reader users land on it.
  useEffect(() => {
    main.current?.focus({ preventScroll: true });
  }, [location.pathname]);
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <div className="brand">Steward</div>
        <nav aria-label="Main">
          <NavLink to="/" end>
            Dashboard
          </NavLink>
          <NavLink to="/constituents">Constituents</NavLink>
          <NavLink to="/gifts">Gifts</NavLink>
          <NavLink to="/campaigns">Campaigns</NavLink>
          <NavLink to="/funds">Funds</NavLink>
          <NavLink to="/segments">Segments</NavLink>
          <NavLink to="/tasks">Tasks</NavLink>
          <NavLink to="/duplicates">Duplicates</NavLink>
        </nav>
        <div className="topbar-end">
          {canChangeDonors(session.user) && (
            <NavLink to="/gifts/new" className="button button-primary button-small">
              New gift
            </NavLink>
          )}
          <UserMenu />
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1} className="page">
        <ErrorBoundary resetKey={location.pathname}>
          <Outlet />
        </ErrorBoundary>
      </main>
    </div>
  );
}

// The main navigation. Wide windows (1200 px and more) show every link on one line; narrower
// ones (1024 px, a tablet, a phone) show a "Menu" button that opens the same links as a panel
// (a disclosure: aria-expanded/aria-controls; Escape closes it and returns focus to the
// button; choosing a link closes it). The breakpoint is in app.css (decision 0203).
import { useEffect, useId, useRef, useState } from 'react';
import { NavLink, useLocation } from 'react-router-dom';
import { useI18n } from '../i18n/i18n';
import { navLinks } from '../lib/nav';
import { useSession } from '../session/session';

export function MainNav() {
  const { t } = useI18n();
  const session = useSession();
  const location = useLocation();
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const wrap = useRef<HTMLDivElement>(null);
  const panelId = useId();

  // A new page closes the menu.
  useEffect(() => setOpen(false), [location.pathname]);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        toggle.current?.focus();
      }
    };
    const onClick = (e: MouseEvent) => {
      if (!wrap.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onClick);
    };
  }, [open]);

  return (
    <div className="main-nav" ref={wrap}>
      <button
        ref={toggle}
        type="button"
        className="button button-quiet nav-toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="nav-toggle-icon" aria-hidden="true" />
        {t('shell.menu')}
      </button>
      <nav id={panelId} aria-label={t('shell.mainNav')} className={open ? 'nav-open' : undefined}>
        {navLinks(session.user).map((link) => (
          <NavLink key={link.to} to={link.to} end={link.to === '/'} onClick={() => setOpen(false)}>
            {t(link.label)}
          </NavLink>
        ))}
      </nav>
    </div>
  );
}

// The admin area (/admin/...): users, plugins, the audit log and settings. Only admins see the
// link and the pages; the server refuses everyone else anyway (403).
import { NavLink, Outlet } from 'react-router-dom';
import { Empty } from '../../components/States';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../session/session';
import type { User } from '../../api/types';

export function isAdmin(user: User | null): boolean {
  return user?.role === 'admin';
}

export function AdminLayout() {
  const { t } = useI18n();
  const session = useSession();
  if (!isAdmin(session.user)) return <Empty>{t('admin.only')}</Empty>;
  return (
    <>
      <nav className="subnav" aria-label={t('admin.title')}>
        <NavLink to="/admin/users">{t('admin.users')}</NavLink>
        <NavLink to="/admin/plugins">{t('admin.plugins')}</NavLink>
        <NavLink to="/admin/imports">{t('admin.imports')}</NavLink>
        <NavLink to="/admin/audit">{t('admin.audit')}</NavLink>
        <NavLink to="/admin/settings">{t('admin.settings')}</NavLink>
      </nav>
      <Outlet />
    </>
  );
}

// The main navigation's links for a user's role (the server still decides what each may do):
// Mail for the roles that send mail, Reports and Analytics for those who may export, Admin for
// admins. Order is the order on screen.
import type { User } from '../api/types';
import type { MessageKey } from '../i18n/en';
import { canChangeDonors, canExport } from '../session/session';

export interface NavItem {
  to: string;
  label: MessageKey;
}

export function navLinks(user: User | null): NavItem[] {
  const links: NavItem[] = [
    { to: '/', label: 'nav.dashboard' },
    { to: '/constituents', label: 'nav.constituents' },
    { to: '/gifts', label: 'nav.gifts' },
    { to: '/campaigns', label: 'nav.campaigns' },
    { to: '/funds', label: 'nav.funds' },
    { to: '/segments', label: 'nav.segments' },
    { to: '/tasks', label: 'nav.tasks' },
    { to: '/duplicates', label: 'nav.duplicates' },
  ];
  if (canChangeDonors(user)) links.push({ to: '/mail', label: 'nav.mail' });
  if (canExport(user)) links.push({ to: '/reports', label: 'nav.reports' }, { to: '/analytics', label: 'nav.analytics' });
  if (user?.role === 'admin') links.push({ to: '/admin', label: 'nav.admin' });
  return links;
}

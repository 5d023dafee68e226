// The mail area (/mail/...; admin, fundraiser): the acknowledgment queue, year-end statements,
// the runs, templates and the recent deliveries. The server decides (send mail permission).
import { NavLink, Outlet } from 'react-router-dom';
import { Empty } from '../../components/States';
import { useI18n } from '../../i18n/i18n';
import { canChangeDonors, useSession } from '../../session/session';

export function MailLayout() {
  const { t } = useI18n();
  const session = useSession();
  if (!canChangeDonors(session.user)) return <Empty>{t('mail.only')}</Empty>;
  return (
    <>
      <nav className="subnav" aria-label={t('mail.title')}>
        <NavLink to="/mail" end>
          {t('mail.ack')}
        </NavLink>
        <NavLink to="/mail/statements">{t('mail.statements')}</NavLink>
        <NavLink to="/mail/runs">{t('mail.runs')}</NavLink>
        <NavLink to="/mail/templates">{t('mail.templates')}</NavLink>
        <NavLink to="/mail/deliveries">{t('mail.deliveries')}</NavLink>
      </nav>
      <Outlet />
    </>
  );
}

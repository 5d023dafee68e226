// Gifts: the latest gifts, newest first, with their donor and fund.
import { Link } from 'react-router-dom';
import { apiPath, get } from '../api/client';
import type { Dashboard } from '../api/dashboard';
import { Empty, Loaded } from '../components/States';
import { formatDate, formatMoney } from '../lib/format';
import { useLoad } from '../lib/hooks';
import { canChangeDonors, useSession } from '../session/session';
import { useI18n } from '../i18n/i18n';

export function GiftsPage() {
  const session = useSession();
  const { t } = useI18n();
  // The dashboard's recent gifts carry the donor's name (the gift list itself does not).
  const [load, retry] = useLoad((signal) => get<Dashboard>(apiPath('/dashboard'), signal), []);
  return (
    <>
      <div className="page-header">
        <h1>{t('nav.gifts')}</h1>
        {canChangeDonors(session.user) && (
          <Link className="button button-primary" to="/gifts/new">
            {t('shell.newGift')}
          </Link>
        )}
      </div>
      <Loaded load={load} retry={retry}>
        {(d) =>
          d.recent_gifts.length === 0 ? (
            <Empty>{t('constituent.noGifts')}</Empty>
          ) : (
            <table className="table">
              <caption>{t('gifts.latest')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('common.date')}</th>
                  <th scope="col">{t('gift.donor')}</th>
                  <th scope="col" className="numeric">{t('common.amount')}</th>
                </tr>
              </thead>
              <tbody>
                {d.recent_gifts.map((g) => (
                  <tr key={g.id}>
                    <td>{formatDate(g.received_on)}</td>
                    <td>
                      <Link to={`/constituents/${g.constituent_id}`}>{g.constituent_name}</Link>
                    </td>
                    <td className="numeric">{formatMoney(g.amount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Loaded>
    </>
  );
}

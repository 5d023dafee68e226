// Recent deliveries (/mail/deliveries): the last messages handed to a mailer, newest first,
// with their purpose, address, subject and state (accepted, rejected with the server's reply,
// deferred, or still sending when the process stopped). GET /api/v1/mail/messages.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { apiPath, get } from '../../api/client';
import { Empty, Loaded } from '../../components/States';
import { useI18n } from '../../i18n/i18n';
import { formatInstant } from '../../lib/format';
import { useLoad } from '../../lib/hooks';
import { failedState } from '../../lib/mail';

export interface Delivery {
  id: number;
  purpose: string;
  constituent_id: number;
  donor: string;
  gift_id: number | null;
  address: string;
  subject: string;
  mailer: string;
  state: string;
  reply: string | null;
  sent_at: string | null;
  created_at: string;
}

export function DeliveriesPage() {
  const { t, tx } = useI18n();
  const [state, setState] = useState('');
  const [load, reload] = useLoad((signal) => get<{ items: Delivery[] }>(apiPath('/mail/messages', { limit: 200, state }), signal), [state]);
  return (
    <>
      <div className="page-header">
        <h1>{t('mail.deliveriesTitle')}</h1>
        <div className="actions">
          <div className="field">
            <label htmlFor="delivery-state">{t('common.status')}</label>
            <select id="delivery-state" value={state} onChange={(e) => setState(e.target.value)}>
              <option value="">{t('common.all')}</option>
              {['accepted', 'rejected', 'deferred', 'sending'].map((s) => (
                <option key={s} value={s}>
                  {tx(`mail.state.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="button" className="button" onClick={reload}>
            {t('mail.refresh')}
          </button>
        </div>
      </div>
      <Loaded load={load} retry={reload}>
        {({ items }) =>
          items.length === 0 ? (
            <Empty>{t('mail.noDeliveries')}</Empty>
          ) : (
            <div className="card table-wrap">
              <table className="table" data-testid="deliveries">
                <thead>
                  <tr>
                    <th scope="col">{t('mail.when')}</th>
                    <th scope="col">{t('mail.purpose')}</th>
                    <th scope="col">{t('mail.donor')}</th>
                    <th scope="col">{t('mail.address')}</th>
                    <th scope="col">{t('mail.subject')}</th>
                    <th scope="col">{t('common.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((d) => (
                    <tr key={d.id}>
                      <td>{formatInstant(d.sent_at ?? d.created_at)}</td>
                      <td>{tx(`mail.purpose.${d.purpose}`)}</td>
                      <td>
                        <Link to={`/constituents/${d.constituent_id}`}>{d.donor}</Link>
                      </td>
                      <td>{d.address}</td>
                      <td>{d.subject}</td>
                      <td>
                        <span className={`tag ${failedState(d.state) ? 'tag-warn' : 'tag-ok'}`}>{tx(`mail.state.${d.state}`)}</span>
                        {d.reply && <div className="muted">{d.reply}</div>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Loaded>
    </>
  );
}

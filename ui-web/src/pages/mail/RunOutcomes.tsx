// What a thank-you or statement run did (or would do): the count per outcome and one row per
// donor with the state and the server's detail (a rejected address, a skipped donor's reason).
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n/i18n';
import { failedState, stateCounts } from '../../lib/mail';

export interface OutcomeRow {
  key: string;
  constituent_id: number;
  donor: string;
  how: string;
  state: string;
  detail: string;
  extra?: string;
}

export function RunOutcomes({ title, rows, testId }: { title: string; rows: OutcomeRow[]; testId: string }) {
  const { t, tx } = useI18n();
  if (rows.length === 0) return null;
  return (
    <section aria-label={title} data-testid={testId}>
      <h3>{title}</h3>
      <p className="actions" role="status">
        {stateCounts(rows).map(([state, n]) => (
          <span key={state} className={`tag ${failedState(state) ? 'tag-warn' : 'tag-ok'}`}>
            {tx(`mail.state.${state}`)}: {n}
          </span>
        ))}
      </p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('mail.donor')}</th>
            <th scope="col">{t('mail.how')}</th>
            <th scope="col">{t('common.status')}</th>
            <th scope="col">{t('mail.detail')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <td>
                <Link to={`/constituents/${r.constituent_id}`}>{r.donor}</Link>
              </td>
              <td>{r.how}</td>
              <td>
                <span className={`tag ${failedState(r.state) ? 'tag-warn' : 'tag-ok'}`}>{tx(`mail.state.${r.state}`)}</span>
              </td>
              <td>{[r.extra, r.detail].filter(Boolean).join(' · ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

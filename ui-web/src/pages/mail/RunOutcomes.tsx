// What a thank-you or statement run did (or would do): the count per outcome and one row per
// donor with the state and the server's detail (a rejected address, a skipped donor's reason).
import { Link } from 'react-router-dom';
import { useI18n, type T } from '../../i18n/i18n';
import { failedState, stateCounts, type StatementItem, type ThankAnswer } from '../../lib/mail';

export interface OutcomeRow {
  key: string;
  constituent_id: number;
  donor: string;
  how: string;
  state: string;
  detail: string;
  extra?: string;
}

// A thank-you run's emails and letters as rows (the queue page and a run's page show them).
export function thankRows(answer: Pick<ThankAnswer, 'messages' | 'letters'>, t: T): { emails: OutcomeRow[]; letters: OutcomeRow[] } {
  return {
    emails: (answer.messages ?? []).map((m) => ({ key: `m${m.gift_id}`, constituent_id: m.constituent_id, donor: m.donor, how: m.address ?? '', state: m.state, detail: m.detail, extra: m.personal_call ? t('mail.personalCall') : '' })),
    letters: (answer.letters ?? []).map((m) => ({ key: `l${m.gift_id}`, constituent_id: m.constituent_id, donor: m.donor, how: t('mail.letter'), state: m.state, detail: m.detail, extra: m.reason })),
  };
}

// A statement run's statements as rows: receipt number, totals and gift count as the detail.
export function statementRows(statements: StatementItem[] | undefined, t: T): OutcomeRow[] {
  return (statements ?? []).map((s) => ({
    key: `s${s.constituent_id}`,
    constituent_id: s.constituent_id,
    donor: s.donor,
    how: s.channel === 'email' ? s.address : t('mail.letter'),
    state: s.state,
    detail: s.detail,
    extra: [s.receipt_number && `${t('mail.receipt')} ${s.receipt_number}${s.replacement ? ` (${t('mail.replacement')})` : ''}`, s.totals, t('mail.giftCount', { count: s.gift_count })].filter(Boolean).join(' · '),
  }));
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

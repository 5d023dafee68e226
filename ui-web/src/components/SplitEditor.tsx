// Fund splits of one gift: a row per fund with its amount; the allocated sum and what is left
// are shown live. One row needs no amount (it takes the whole gift).
import type { Fund } from '../api/types';
import { useT } from '../i18n/i18n';
import { checkSplits, fillRemainder, type SplitRow } from '../lib/splits';
import { formatMinor } from '../lib/format';

interface Props {
  funds: Fund[];
  rows: SplitRow[];
  onChange(rows: SplitRow[]): void;
  giftAmount: string;
  currency: string;
  error?: string;
}

export function SplitEditor({ funds, rows, onChange, giftAmount, currency, error }: Props) {
  const t = useT();
  const split = rows.length > 1;
  const check = checkSplits(giftAmount, rows, currency);
  const set = (i: number, patch: Partial<SplitRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const unused = funds.find((f) => !rows.some((r) => r.fundId === String(f.id)));
  return (
    <fieldset className="splits" aria-describedby={error ? 'split-error' : undefined}>
      <legend>{split ? t('gift.fundSplit') : t('gift.fund')}</legend>
      {rows.map((row, i) => {
        const rowError = split ? check.rowErrors[i] : row.fundId ? undefined : check.rowErrors[i];
        return (
          <div className="split-row" key={i}>
            <div className={`field ${rowError ? 'field-invalid' : ''}`}>
              <label htmlFor={`split-fund-${i}`}>{split ? t('gift.fundN', { n: i + 1 }) : t('gift.fund')}</label>
              <select
                id={`split-fund-${i}`}
                name={i === 0 ? 'fund_id' : undefined}
                value={row.fundId}
                aria-invalid={rowError === 'split.fundMissing' || rowError === 'split.fundTwice' ? true : undefined}
                onChange={(e) => set(i, { fundId: e.target.value })}
              >
                {funds.length === 0 && <option value="">{t('gift.noFunds')}</option>}
                <option value="">{t('gift.chooseFund')}</option>
                {funds.map((f) => (
                  <option key={f.id} value={f.id}>
                    {f.name} ({f.code})
                  </option>
                ))}
              </select>
            </div>
            {split && (
              <div className={`field ${rowError === 'split.amountInvalid' ? 'field-invalid' : ''}`}>
                <label htmlFor={`split-amount-${i}`}>{t('gift.splitAmount', { n: i + 1, currency })}</label>
                <input
                  id={`split-amount-${i}`}
                  inputMode="decimal"
                  autoComplete="off"
                  value={row.amount}
                  aria-invalid={rowError === 'split.amountInvalid' ? true : undefined}
                  onChange={(e) => set(i, { amount: e.target.value })}
                />
              </div>
            )}
            {split && (
              <div className="split-actions">
                <button type="button" className="button button-small" onClick={() => onChange(fillRemainder(giftAmount, rows, i, currency))}>
                  {t('gift.fillRest')}
                  <span className="visually-hidden"> ({t('gift.fundN', { n: i + 1 })})</span>
                </button>
                <button type="button" className="button button-small button-quiet" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
                  {t('common.remove')}
                  <span className="visually-hidden"> {t('gift.fundN', { n: i + 1 })}</span>
                </button>
              </div>
            )}
            {split && rowError && <div className="field-error split-row-error">{t(rowError)}</div>}
          </div>
        );
      })}
      <div className="split-footer">
        <button
          type="button"
          className="button button-small"
          disabled={!unused}
          onClick={() => {
            const first = rows.length === 1 ? [{ ...rows[0], amount: rows[0].amount || giftAmount }] : rows;
            onChange([...first, { fundId: unused ? String(unused.id) : '', amount: '' }]);
          }}
        >
          {t('gift.addSplit')}
        </button>
        {split && (
          <span className={`split-status ${check.remainingMinor === 0 ? 'split-ok' : 'split-off'}`} role="status" aria-live="polite" data-testid="split-status">
            {t('gift.allocated', { amount: formatMinor(check.allocatedMinor, currency) })}
            {' · '}
            {check.remainingMinor === null
              ? t('gift.enterAmountFirst')
              : check.remainingMinor === 0
                ? t('gift.splitBalanced')
                : check.remainingMinor > 0
                  ? t('gift.leftToAllocate', { amount: formatMinor(check.remainingMinor, currency) })
                  : t('gift.overAllocated', { amount: formatMinor(-check.remainingMinor, currency) })}
          </span>
        )}
      </div>
      {error && (
        <div className="field-error" id="split-error" role="alert">
          {error}
        </div>
      )}
    </fieldset>
  );
}

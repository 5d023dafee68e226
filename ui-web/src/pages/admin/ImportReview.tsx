// The review queue of an import: payments waiting for a person to say whose they are. Pick the
// donor by typing a name, email or phone (the constituent search), or create a new donor from
// the payment's details. Each decision is one request; the row leaves the queue.
import { useState } from 'react';
import { apiPath, errorMessage, get, post } from '../../api/client';
import type { Constituent } from '../../api/types';
import { DonorLookup } from '../../components/DonorLookup';
import { FormError } from '../../components/Field';
import { Empty, Loaded } from '../../components/States';
import { useI18n } from '../../i18n/i18n';
import { formatLocale } from '../../lib/format';
import { useLoad } from '../../lib/hooks';
import { describeRecord, type ReviewRow } from '../../lib/imports';

export function ReviewQueue({ importId, committed, onChanged }: { importId: number; committed: boolean; onChanged(): void }) {
  const { t } = useI18n();
  const [load, retry] = useLoad((signal) => get<{ items: ReviewRow[] }>(apiPath(`/imports/${importId}/review`), signal), [importId], { quiet: true });
  return (
    <section className="card" aria-labelledby="import-review">
      <h2 id="import-review">{t('imports.review')}</h2>
      <p className="muted">{committed ? t('imports.reviewIntroCommitted') : t('imports.reviewIntro')}</p>
      <Loaded load={load} retry={retry}>
        {({ items }) =>
          items.length === 0 ? (
            <Empty>{t('imports.reviewEmpty')}</Empty>
          ) : (
            <ul className="plain-list" data-testid="review-queue">
              {items.map((row) => (
                <ReviewItem key={row.seq} importId={importId} row={row} onDecided={() => {
                    retry();
                    onChanged();
                  }}
                />
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}

function ReviewItem({ importId, row, onDecided }: { importId: number; row: ReviewRow; onDecided(): void }) {
  const { t } = useI18n();
  const [donor, setDonor] = useState<Constituent | null>(null);
  const [donorError, setDonorError] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const what = describeRecord(row.record, formatLocale());
  const where = row.line > 0 ? t('imports.lineN', { line: row.line }) : t('imports.rowN', { seq: row.seq });
  async function decide(body: { constituent_id: number } | { create_new: true }) {
    setBusy(true);
    setError('');
    try {
      await post(apiPath(`/imports/${importId}/review/${row.seq}`), body);
      onDecided();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <li className="card" data-testid={`review-${row.seq}`}>
      <p>
        <strong>{where}</strong> {what}
      </p>
      {row.message && <p className="muted">{row.message}</p>}
      <div className="inline-form">
        <DonorLookup
          label={t('imports.pickDonor')}
          value={donor}
          error={donorError}
          onChange={(c) => {
            setDonor(c);
            setDonorError('');
          }}
        />
        <div className="actions">
          <button
            type="button"
            className="button button-primary button-small"
            disabled={busy}
            onClick={() => {
              if (!donor) {
                setDonorError(t('imports.pickDonorFirst'));
                return;
              }
              void decide({ constituent_id: donor.id });
            }}
          >
            {t('imports.attach')}
            <span className="visually-hidden"> {where}</span>
          </button>
          <button type="button" className="button button-small" disabled={busy} onClick={() => void decide({ create_new: true })}>
            {t('imports.createDonor')}
            <span className="visually-hidden"> {where}</span>
          </button>
        </div>
      </div>
      <FormError message={error} />
    </li>
  );
}

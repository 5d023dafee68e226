// Personal data on the constituent page (admins only; decision 0190): download everything held
// about the person as one JSON file, or erase their personal data after typing "ERASE <id>".
// The card says what an erase removes and what it keeps (gift amounts and dates, so every
// total stays right); after an erase it shows what was removed and the page shows the erased
// record.
import { useState } from 'react';
import { ApiError, errorMessage } from '../api/client';
import { FormError, TextField } from '../components/Field';
import { useI18n } from '../i18n/i18n';
import { saveDownload } from '../lib/download';
import { formatInstant, formatNumber } from '../lib/format';
import { eraseConfirmed, erasePersonalData, erasePhrase, personalDataFile, removedRows, type EraseOutcome } from '../lib/privacy';

export function PrivacyCard({ record, erased, onErased }: { record: { id: number; display_name: string }; erased: boolean; onErased(): void }) {
  const { t, tx } = useI18n();
  const [downloading, setDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState('');
  const [erasing, setErasing] = useState(false);
  const [typed, setTyped] = useState('');
  const [typedError, setTypedError] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<EraseOutcome | null>(null);

  async function download() {
    setDownloading(true);
    setDownloadError('');
    try {
      saveDownload(await personalDataFile(record.id));
    } catch (e) {
      setDownloadError(errorMessage(e));
    } finally {
      setDownloading(false);
    }
  }

  async function erase() {
    if (!eraseConfirmed(typed, record.id)) {
      setTypedError(t('privacy.typeExactly', { phrase: erasePhrase(record.id) }));
      return;
    }
    setTypedError('');
    setError('');
    setBusy(true);
    try {
      setOutcome(await erasePersonalData(record.id, typed));
      setErasing(false);
      setTyped('');
      onErased();
    } catch (e) {
      if (e instanceof ApiError && e.fieldMessage('confirm')) setTypedError(e.fieldMessage('confirm') ?? '');
      else setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="privacy" data-testid="privacy">
      <h2 id="privacy">{t('privacy.title')}</h2>
      {erased && !outcome && <p className="muted">{t('privacy.erasedRecord')}</p>}
      {outcome && (
        <div role="status" data-testid="erase-outcome">
          <p>
            <strong>{t('privacy.erasedAt', { at: formatInstant(outcome.erased_at) })}</strong>
          </p>
          <ul className="plain-list">
            {removedRows(outcome.removed).map(([table, n]) => (
              <li key={table}>
                {tx(`privacy.removed.${table}`)}: {formatNumber(n)}
              </li>
            ))}
            <li>{t('privacy.auditRedacted', { count: formatNumber(outcome.redacted_audit_ids.length) })}</li>
          </ul>
        </div>
      )}
      <div className="actions">
        <button type="button" className="button" disabled={downloading} onClick={() => void download()}>
          {downloading ? t('state.loading') : t('privacy.download')}
        </button>
        {!erased && !erasing && (
          <button type="button" className="button button-danger" onClick={() => setErasing(true)}>
            {t('privacy.erase')}
          </button>
        )}
      </div>
      <FormError message={downloadError} />
      {erasing && !erased && (
        <div className="inline-form" role="group" aria-labelledby="erase-title">
          <h3 id="erase-title">{t('privacy.eraseTitle', { name: record.display_name })}</h3>
          <p>{t('privacy.removes')}</p>
          <p>{t('privacy.keeps')}</p>
          <p className="muted">{t('privacy.cannotUndo')}</p>
          <TextField
            label={t('privacy.typeToConfirm', { phrase: erasePhrase(record.id) })}
            value={typed}
            autoComplete="off"
            spellCheck={false}
            error={typedError}
            onChange={(e) => setTyped(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') void erase();
            }}
          />
          <div className="actions">
            <button type="button" className="button button-danger" disabled={busy} onClick={() => void erase()}>
              {t('privacy.eraseNow')}
            </button>
            <button
              type="button"
              className="button button-quiet"
              onClick={() => {
                setErasing(false);
                setTyped('');
                setTypedError('');
              }}
            >
              {t('common.cancel')}
            </button>
          </div>
          <FormError message={error} />
        </div>
      )}
    </section>
  );
}

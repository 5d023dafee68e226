// Cancel an appeal send that is still running: a confirm step (what was sent stays sent), then
// POST /api/v1/appeal-sends/{id}/cancel. A send that finished meanwhile (409) is said so and
// the page reads the send again (onChanged(null)).
import { useState } from 'react';
import { errorMessage } from '../../api/client';
import { FormError } from '../../components/Field';
import { useI18n } from '../../i18n/i18n';
import { cancelSend, type AppealSend } from '../../lib/appealMail';

export function SendCancel({ sendId, onChanged }: { sendId: number; onChanged(send: AppealSend | null): void }) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');

  async function cancel() {
    setBusy(true);
    setError('');
    try {
      const out = await cancelSend(sendId);
      setConfirming(false);
      if (out.kind === 'cancelled') {
        setNotice(t('appealMail.cancelled'));
        onChanged(out.send);
      } else {
        setNotice(t('appealMail.alreadyFinished'));
        onChanged(null);
      }
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="send-cancel">
      {notice && (
        <p role="status" data-testid="cancel-notice">
          {notice}
        </p>
      )}
      {!confirming ? (
        <button type="button" className="button" onClick={() => setConfirming(true)}>
          {t('appealMail.cancel')}
        </button>
      ) : (
        <div role="group" aria-label={t('appealMail.cancel')}>
          <p>{t('appealMail.cancelConfirm')}</p>
          <div className="actions">
            <button type="button" className="button button-danger" disabled={busy} onClick={() => void cancel()}>
              {t('appealMail.cancelYes')}
            </button>
            <button type="button" className="button button-quiet" disabled={busy} onClick={() => setConfirming(false)}>
              {t('appealMail.cancelNo')}
            </button>
          </div>
        </div>
      )}
      <FormError message={error} />
    </div>
  );
}

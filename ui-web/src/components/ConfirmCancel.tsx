// Cancel a background run that is still going (an appeal send, a thank-you or statement run):
// a confirm step first (what was sent stays sent), then `cancel()`. The answer is the cancelled
// run (handed to the page); null means it ended meanwhile (409), which is said, and the page
// reads it again (onChanged(null)). Any other error shows next to the button.
import { useState } from 'react';
import { errorMessage } from '../api/client';
import { FormError } from './Field';

export interface CancelText {
  button: string;
  confirm: string;
  yes: string;
  no: string;
  cancelled: string;
  ended: string;
}

// `notify(message)` lets the page show the outcome itself (a list row that the reload removes
// would take its own notice with it).
export function ConfirmCancel<T>({ cancel, onChanged, text, notify }: { cancel(): Promise<T | null>; onChanged(value: T | null): void; text: CancelText; notify?(message: string): void }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');

  async function run() {
    setBusy(true);
    setError('');
    try {
      const out = await cancel();
      setConfirming(false);
      (notify ?? setNotice)(out ? text.cancelled : text.ended);
      onChanged(out);
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
          {text.button}
        </button>
      ) : (
        <div role="group" aria-label={text.button}>
          <p>{text.confirm}</p>
          <div className="actions">
            <button type="button" className="button button-danger" disabled={busy} onClick={() => void run()}>
              {text.yes}
            </button>
            <button type="button" className="button button-quiet" disabled={busy} onClick={() => setConfirming(false)}>
              {text.no}
            </button>
          </div>
        </div>
      )}
      <FormError message={error} />
    </div>
  );
}

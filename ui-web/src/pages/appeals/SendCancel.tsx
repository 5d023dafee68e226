// Cancel an appeal send that is still running (POST /api/v1/appeal-sends/{id}/cancel) through
// the shared confirm step; a send that finished meanwhile (409) is said so and the page reads
// the send again (onChanged(null)).
import { ConfirmCancel } from '../../components/ConfirmCancel';
import { useI18n } from '../../i18n/i18n';
import { cancelSend, type AppealSend } from '../../lib/appealMail';

export function SendCancel({ sendId, onChanged, notify }: { sendId: number; onChanged(send: AppealSend | null): void; notify?(message: string): void }) {
  const { t } = useI18n();
  return (
    <ConfirmCancel
      cancel={async () => {
        const out = await cancelSend(sendId);
        return out.kind === 'cancelled' ? out.send : null;
      }}
      onChanged={onChanged}
      notify={notify}
      text={{
        button: t('appealMail.cancel'),
        confirm: t('appealMail.cancelConfirm'),
        yes: t('appealMail.cancelYes'),
        no: t('appealMail.cancelNo'),
        cancelled: t('appealMail.cancelled'),
        ended: t('appealMail.alreadyFinished'),
      }}
    />
  );
}

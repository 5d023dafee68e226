// The words of Cancel on a thank-you or statement run (the Runs list and a run's page).
import type { CancelText } from '../../components/ConfirmCancel';
import { useI18n } from '../../i18n/i18n';

export function useRunCancelText(): CancelText {
  const { t } = useI18n();
  return {
    button: t('mailRuns.cancel'),
    confirm: t('mailRuns.cancelConfirm'),
    yes: t('mailRuns.cancelYes'),
    no: t('mailRuns.cancelNo'),
    cancelled: t('mailRuns.cancelled'),
    ended: t('mailRuns.alreadyEnded'),
  };
}

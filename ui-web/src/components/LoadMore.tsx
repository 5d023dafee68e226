// The "Load more" button under a cursor-paged list, and the error of the last attempt.
import { useI18n } from '../i18n/i18n';

export function LoadMore({
  next,
  busy,
  error,
  onMore,
  errorClass = 'form-error',
}: {
  next: number | null;
  busy: boolean;
  error: string | null | undefined;
  onMore: (after: number) => void;
  errorClass?: string;
}) {
  const { t } = useI18n();
  return (
    <>
      {next !== null && (
        <div className="actions">
          <button type="button" className="button button-small" disabled={busy} onClick={() => onMore(next)}>
            {busy ? t('state.loading') : t('common.loadMore')}
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className={errorClass}>
          {error}
        </p>
      )}
    </>
  );
}

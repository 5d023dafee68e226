// The loading, error and empty states every page and list shows.
import type { ReactNode } from 'react';
import { errorMessage } from '../api/client';
import type { Load } from '../lib/hooks';
import { useI18n } from '../i18n/i18n';

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('state.loading')}
    </div>
  );
}

export function ErrorState({ error, retry }: { error: unknown; retry?: () => void }) {
  const { t } = useI18n();
  return (
    <div className="state state-error" role="alert">
      <p>{errorMessage(error)}</p>
      {retry && (
        <button type="button" className="button" onClick={retry}>
          {t('common.tryAgain')}
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="state state-empty">{children}</div>;
}

// Renders `ready` once the load is done; the loading and error states otherwise.
export function Loaded<T>({
  load,
  retry,
  children,
}: {
  load: Load<T>;
  retry?: () => void;
  children: (data: T) => ReactNode;
}) {
  if (load.state === 'loading') return <Loading />;
  if (load.state === 'error') return <ErrorState error={load.error} retry={retry} />;
  return <>{children(load.data)}</>;
}

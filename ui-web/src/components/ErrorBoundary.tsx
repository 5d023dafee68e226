// A bug in one page shows a message and a way back instead of a blank screen.
import { Component, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';

function Crashed({ error }: { error: Error }) {
  const { t } = useI18n();
  return (
    <div className="state state-error" role="alert">
      <p>{t('state.crashed', { message: error.message })}</p>
      <button type="button" className="button" onClick={() => window.location.reload()}>
        {t('state.reload')}
      </button>
    </div>
  );
}

export class ErrorBoundary extends Component<{ children: ReactNode; resetKey: string }, { error: Error | null }> {
  state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  componentDidUpdate(previous: { resetKey: string }) {
    if (previous.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  render() {
    if (this.state.error) {
      return <Crashed error={this.state.error} />;
    }
    return this.props.children;
  }
}

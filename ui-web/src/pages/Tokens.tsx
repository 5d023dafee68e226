// My API tokens (/tokens, from the user menu): the signed-in user's personal tokens for
// scripts and integrations. Create one (name, read or read and write); its secret is shown once,
// with a copy button; revoke one after a confirm. Every user has this page for their own tokens.
import { useState, type FormEvent } from 'react';
import { ApiError, apiPath, del, errorMessage, get, post } from '../api/client';
import { FormError, SelectField, TextField } from '../components/Field';
import { Empty, Loaded } from '../components/States';
import { useI18n } from '../i18n/i18n';
import { formatInstant } from '../lib/format';
import { useLoad } from '../lib/hooks';
import { orderTokens, tokenNameProblem, tokenScopes, type ApiToken } from '../lib/tokens';

export function TokensPage() {
  const { t } = useI18n();
  const [load, retry] = useLoad((signal) => get<{ items: ApiToken[] }>(apiPath('/session/tokens'), signal), [], { quiet: true });
  return (
    <>
      <div className="page-header">
        <h1>{t('tokens.title')}</h1>
      </div>
      <p className="muted">{t('tokens.intro')}</p>
      <NewToken onCreated={retry} />
      <section className="card" aria-labelledby="tokens-list">
        <h2 id="tokens-list">{t('tokens.yours')}</h2>
        <Loaded load={load} retry={retry}>
          {({ items }) => (items.length === 0 ? <Empty>{t('tokens.none')}</Empty> : <TokenTable tokens={orderTokens(items)} onChanged={retry} />)}
        </Loaded>
      </section>
    </>
  );
}

function NewToken({ onCreated }: { onCreated(): void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [scope, setScope] = useState<string>('read');
  const [nameError, setNameError] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [secret, setSecret] = useState<{ name: string; token: string } | null>(null);
  const [copied, setCopied] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError('');
    const problem = tokenNameProblem(name);
    setNameError(problem === 'missing' ? t('tokens.nameMissing') : problem === 'long' ? t('tokens.nameLong') : '');
    if (problem) return;
    setBusy(true);
    try {
      const made = await post<{ id: number; name: string; token: string }>(apiPath('/session/tokens'), { name: name.trim(), scope });
      setSecret({ name: made.name, token: made.token });
      setCopied(false);
      setName('');
      onCreated();
    } catch (err) {
      if (err instanceof ApiError && err.fieldMessage('name')) setNameError(err.fieldMessage('name') ?? '');
      else setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }
  async function copy() {
    if (!secret) return;
    try {
      await navigator.clipboard.writeText(secret.token);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }
  return (
    <form className="card" onSubmit={submit} noValidate aria-label={t('tokens.new')}>
      <h2>{t('tokens.new')}</h2>
      <div className="grid grid-2">
        <TextField label={t('tokens.name')} value={name} onChange={(e) => setName(e.target.value)} error={nameError} hint={t('tokens.nameHint')} maxLength={100} />
        <SelectField label={t('tokens.scope')} value={scope} onChange={(e) => setScope(e.target.value)}>
          {tokenScopes.map((s) => (
            <option key={s} value={s}>
              {t(s === 'read' ? 'tokens.scopeRead' : 'tokens.scopeReadWrite')}
            </option>
          ))}
        </SelectField>
      </div>
      <FormError message={error} />
      <button type="submit" className="button button-primary" disabled={busy}>
        {t('tokens.create')}
      </button>
      {secret && (
        <div className="notice" role="status" data-testid="token-secret">
          <p>{t('tokens.shownOnce', { name: secret.name })}</p>
          <p>
            <code className="secret">{secret.token}</code>
          </p>
          <button type="button" className="button button-small" onClick={() => void copy()}>
            {copied ? t('tokens.copied') : t('tokens.copy')}
          </button>
        </div>
      )}
    </form>
  );
}

function TokenTable({ tokens, onChanged }: { tokens: ApiToken[]; onChanged(): void }) {
  const { t } = useI18n();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(0);
  async function revoke(token: ApiToken) {
    if (!window.confirm(t('tokens.revokeConfirm', { name: token.name }))) return;
    setBusy(token.id);
    setError('');
    try {
      await del(apiPath(`/session/tokens/${token.id}`));
      onChanged();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(0);
    }
  }
  return (
    <>
      <table className="table" data-testid="tokens">
        <thead>
          <tr>
            <th scope="col">{t('tokens.name')}</th>
            <th scope="col">{t('tokens.scope')}</th>
            <th scope="col">{t('tokens.created')}</th>
            <th scope="col">{t('tokens.lastUsed')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('common.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <tr key={token.id} className={token.revoked ? 'row-muted' : undefined}>
              <td>
                {token.name} {token.revoked && <span className="tag">{t('tokens.revoked')}</span>}
              </td>
              <td>{t(token.scope === 'read_write' ? 'tokens.scopeReadWrite' : 'tokens.scopeRead')}</td>
              <td>{formatInstant(token.created_at)}</td>
              <td>{token.last_used_at ? formatInstant(token.last_used_at) : t('tokens.never')}</td>
              <td>
                {!token.revoked && (
                  <button type="button" className="button button-small button-quiet" disabled={busy === token.id} onClick={() => void revoke(token)}>
                    {t('tokens.revoke')}
                    <span className="visually-hidden"> {token.name}</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <FormError message={error} />
    </>
  );
}

// Users (/admin/users): list, add with a role (the one-time password is shown once), change
// the role, disable and enable, reset the password (a new one-time password, shown once).
import { useState, type FormEvent } from 'react';
import { ApiError, apiPath, errorMessage, get, post, request } from '../../api/client';
import type { User } from '../../api/types';
import { FormError, SelectField, TextField } from '../../components/Field';
import { Empty, Loaded } from '../../components/States';
import { useI18n } from '../../i18n/i18n';
import { formatInstant } from '../../lib/format';
import { userBody, type FormErrors } from '../../lib/forms';
import { useLoad } from '../../lib/hooks';
import { useSession } from '../../session/session';

export const roles = ['admin', 'fundraiser', 'analyst', 'viewer'] as const;

export type AdminUser = User & { email: string | null; disabled: boolean; last_sign_in_at: string | null; created_at: string };

export function UsersPage() {
  const { t } = useI18n();
  const [adding, setAdding] = useState(false);
  const [secret, setSecret] = useState<{ username: string; password: string } | null>(null);
  const [load, retry] = useLoad((signal) => get<{ items: AdminUser[] }>(apiPath('/users'), signal), []);
  return (
    <>
      <div className="page-header">
        <h1>{t('admin.users')}</h1>
        {!adding && (
          <button type="button" className="button button-primary" onClick={() => setAdding(true)}>
            {t('users.add')}
          </button>
        )}
      </div>
      {secret && (
        <div className="card notice" role="status" data-testid="one-time-password">
          <p>{t('users.oneTime', { username: secret.username })}</p>
          <p>
            <code className="secret">{secret.password}</code>
          </p>
          <button type="button" className="button button-small" onClick={() => setSecret(null)}>
            {t('users.copied')}
          </button>
        </div>
      )}
      {adding && (
        <AddUser
          onDone={(created) => {
            setAdding(false);
            if (created) {
              setSecret(created);
              retry();
            }
          }}
        />
      )}
      <Loaded load={load} retry={retry}>
        {({ items }) =>
          items.length === 0 ? (
            <Empty>{t('users.none')}</Empty>
          ) : (
            <table className="table" data-testid="users">
              <thead>
                <tr>
                  <th scope="col">{t('users.username')}</th>
                  <th scope="col">{t('users.displayName')}</th>
                  <th scope="col">{t('users.role')}</th>
                  <th scope="col">{t('common.status')}</th>
                  <th scope="col">{t('users.lastSignIn')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((u) => (
                  <UserRow key={u.id} user={u} onChanged={retry} onSecret={setSecret} />
                ))}
              </tbody>
            </table>
          )
        }
      </Loaded>
    </>
  );
}

function UserRow({ user, onChanged, onSecret }: { user: AdminUser; onChanged(): void; onSecret(s: { username: string; password: string }): void }) {
  const { t } = useI18n();
  const session = useSession();
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const self = session.user?.id === user.id;
  async function run(action: () => Promise<void>) {
    setBusy(true);
    setMessage('');
    try {
      await action();
      onChanged();
    } catch (err) {
      setMessage(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <tr className={user.disabled ? 'row-muted' : undefined}>
      <td>{user.username}</td>
      <td>{user.display_name}</td>
      <td>
        <label className="visually-hidden" htmlFor={`role-${user.id}`}>
          {t('users.roleOf', { username: user.username })}
        </label>
        <select
          id={`role-${user.id}`}
          value={user.role}
          disabled={busy || self}
          onChange={(e) => void run(() => request('PUT', apiPath(`/users/${user.id}/role`), { body: { role: e.target.value, restricted_access: user.restricted_access } }).then(() => undefined))}
        >
          {roles.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
        {user.restricted_access && <span className="tag">{t('users.restrictedGrant')}</span>}
      </td>
      <td>
        {user.disabled ? t('users.disabled') : t('users.active')}
        {user.totp_enabled && <span className="tag">{t('users.totp')}</span>}
        {user.must_change_password && <span className="tag tag-warn">{t('users.mustChange')}</span>}
      </td>
      <td>{formatInstant(user.last_sign_in_at)}</td>
      <td className="row-actions">
        {!self &&
          (user.disabled ? (
            <button type="button" className="button button-small" disabled={busy} onClick={() => void run(() => post(apiPath(`/users/${user.id}/enable`)).then(() => undefined))}>
              {t('users.enable')}
              <span className="visually-hidden"> {user.username}</span>
            </button>
          ) : (
            <button type="button" className="button button-small" disabled={busy} onClick={() => void run(() => post(apiPath(`/users/${user.id}/disable`)).then(() => undefined))}>
              {t('users.disable')}
              <span className="visually-hidden"> {user.username}</span>
            </button>
          ))}
        <button
          type="button"
          className="button button-small"
          disabled={busy}
          onClick={() =>
            void run(async () => {
              if (!window.confirm(t('users.resetConfirm', { username: user.username }))) return;
              const r = await post<{ one_time_password: string }>(apiPath(`/users/${user.id}/password-reset`));
              onSecret({ username: user.username, password: r.one_time_password });
            })
          }
        >
          {t('users.reset')}
          <span className="visually-hidden"> {user.username}</span>
        </button>
        <FormError message={message} />
      </td>
    </tr>
  );
}

function AddUser({ onDone }: { onDone(created: { username: string; password: string } | null): void }) {
  const { t, tx } = useI18n();
  const [form, setForm] = useState({ username: '', displayName: '', email: '', role: 'fundraiser', restricted: false });
  const [errors, setErrors] = useState<FormErrors>({});
  const [general, setGeneral] = useState('');
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = userBody(form);
    setGeneral('');
    if ('errors' in r) {
      setErrors(Object.fromEntries(Object.entries(r.errors).map(([k, v]) => [k, tx(v)])));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const u = await post<AdminUser & { one_time_password?: string }>(apiPath('/users'), r.body);
      onDone({ username: u.username, password: u.one_time_password ?? '' });
    } catch (err) {
      if (err instanceof ApiError && err.errors.length) setErrors(Object.fromEntries(err.errors.map((f) => [f.field, f.message])));
      else setGeneral(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="card inline-form" onSubmit={submit} noValidate aria-label={t('users.add')}>
      <h2>{t('users.add')}</h2>
      <div className="grid grid-2">
        <TextField label={t('users.username')} name="username" autoComplete="off" value={form.username} onChange={(e) => set({ username: e.target.value })} error={errors.username} autoFocus />
        <TextField label={t('users.displayName')} name="display_name" value={form.displayName} onChange={(e) => set({ displayName: e.target.value })} error={errors.display_name} />
        <TextField label={t('contact.email')} name="email" type="email" value={form.email} onChange={(e) => set({ email: e.target.value })} error={errors.email} />
        <SelectField label={t('users.role')} name="role" value={form.role} onChange={(e) => set({ role: e.target.value })} error={errors.role}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </SelectField>
        <label className="checkbox">
          <input type="checkbox" checked={form.restricted} onChange={(e) => set({ restricted: e.target.checked })} /> {t('users.restrictedAccess')}
        </label>
      </div>
      <FormError message={general} />
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('common.saving') : t('users.create')}
        </button>
        <button type="button" className="button" onClick={() => onDone(null)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

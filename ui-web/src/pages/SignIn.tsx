// The sign-in steps: password, second factor (TOTP or a recovery code), and the forced
// change of a one-time password. Errors appear next to the field they concern.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, errorMessage } from '../api/client';
import { FormError, TextField } from '../components/Field';
import { useSession } from '../session/session';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useI18n } from '../i18n/i18n';

function fieldErrors(error: unknown): { fields: Record<string, string>; general: string } {
  if (error instanceof ApiError && error.errors.length) {
    const fields: Record<string, string> = {};
    for (const e of error.errors) fields[e.field] = e.message;
    return { fields, general: '' };
  }
  return { fields: {}, general: errorMessage(error) };
}

function Card({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <main className="sign-in">
      <div className="sign-in-card">
        <div className="brand brand-large" aria-hidden="true">
          Steward
        </div>
        <h1>{title}</h1>
        {children}
        <LanguageSwitch />
      </div>
    </main>
  );
}

export function SignInPage() {
  const session = useSession();
  if (session.step === 'second-factor') return <SecondFactor />;
  if (session.step === 'change-password') return <ChangePassword />;
  return <PasswordStep />;
}

function PasswordStep() {
  const session = useSession();
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ fields: Record<string, string>; general: string }>({ fields: {}, general: '' });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const fields: Record<string, string> = {};
    if (!username.trim()) fields.username = t('signIn.usernameMissing');
    if (!password) fields.password = t('signIn.passwordMissing');
    if (Object.keys(fields).length) return setError({ fields, general: '' });
    setBusy(true);
    try {
      await session.signIn(username.trim(), password);
    } catch (err) {
      setError(fieldErrors(err));
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={t('signIn.title')}>
      {session.notice && <p className="notice">{session.notice}</p>}
      <form onSubmit={submit} noValidate>
        <TextField
          label={t('signIn.username')}
          name="username"
          autoComplete="username"
          autoFocus
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          error={error.fields.username}
        />
        <TextField
          label={t('signIn.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={error.fields.password}
        />
        <FormError message={error.general} />
        <button className="button button-primary button-wide" type="submit" disabled={busy}>
          {busy ? t('signIn.signingIn') : t('signIn.submit')}
        </button>
      </form>
    </Card>
  );
}

function SecondFactor() {
  const session = useSession();
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ fields: Record<string, string>; general: string }>({ fields: {}, general: '' });

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!code.trim()) return setError({ fields: { code: t('signIn.codeMissing') }, general: '' });
    setBusy(true);
    try {
      await session.secondFactor(code.trim());
    } catch (err) {
      setError(fieldErrors(err));
      setCode('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={t('signIn.secondFactor')}>
      <p>{t('signIn.codeIntro')}</p>
      <form onSubmit={submit} noValidate>
        <TextField
          label={t('signIn.code')}
          name="code"
          autoComplete="one-time-code"
          inputMode="text"
          autoFocus
          value={code}
          onChange={(e) => setCode(e.target.value)}
          error={error.fields.code}
        />
        <FormError message={error.general} />
        <button className="button button-primary button-wide" type="submit" disabled={busy}>
          {busy ? t('signIn.checking') : t('signIn.continue')}
        </button>
        <button type="button" className="button button-quiet button-wide" onClick={() => void session.signOut()}>
          {t('common.cancel')}
        </button>
      </form>
    </Card>
  );
}

function ChangePassword() {
  const session = useSession();
  const { t } = useI18n();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ fields: Record<string, string>; general: string }>({ fields: {}, general: '' });
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const fields: Record<string, string> = {};
    if (!current) fields.current_password = t('signIn.currentMissing');
    if ([...next].length < 12) fields.new_password = t('signIn.tooShort');
    else if (next !== repeat) fields.repeat = t('signIn.differ');
    if (Object.keys(fields).length) return setError({ fields, general: '' });
    setBusy(true);
    try {
      await session.changePassword(current, next);
    } catch (err) {
      setError(fieldErrors(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={t('signIn.choose')}>
      <p>{t('signIn.chooseIntro')}</p>
      <form onSubmit={submit} noValidate>
        <TextField
          ref={first}
          label={t('signIn.current')}
          name="current_password"
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          error={error.fields.current_password}
        />
        <TextField
          label={t('signIn.new')}
          name="new_password"
          type="password"
          autoComplete="new-password"
          hint={t('signIn.newHint')}
          value={next}
          onChange={(e) => setNext(e.target.value)}
          error={error.fields.new_password}
        />
        <TextField
          label={t('signIn.again')}
          name="repeat"
          type="password"
          autoComplete="new-password"
          value={repeat}
          onChange={(e) => setRepeat(e.target.value)}
          error={error.fields.repeat}
        />
        <FormError message={error.general} />
        <button className="button button-primary button-wide" type="submit" disabled={busy}>
          {busy ? t('common.saving') : t('signIn.change')}
        </button>
      </form>
    </Card>
  );
}

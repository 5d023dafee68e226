// The sign-in steps: password, second factor (TOTP or a recovery code), and the forced
// change of a one-time password. Errors appear next to the field they concern.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, errorMessage } from '../api/client';
import { FormError, TextField } from '../components/Field';
import { useSession } from '../session/session';

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
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ fields: Record<string, string>; general: string }>({ fields: {}, general: '' });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const fields: Record<string, string> = {};
    if (!username.trim()) fields.username = 'Enter your username.';
    if (!password) fields.password = 'Enter your password.';
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
    <Card title="Sign in">
      {session.notice && <p className="notice">{session.notice}</p>}
      <form onSubmit={submit} noValidate>
        <TextField
          label="Username"
          name="username"
          autoComplete="username"
          autoFocus
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          error={error.fields.username}
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={error.fields.password}
        />
        <FormError message={error.general} />
        <button className="button button-primary button-wide" type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </Card>
  );
}

function SecondFactor() {
  const session = useSession();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ fields: Record<string, string>; general: string }>({ fields: {}, general: '' });

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!code.trim()) return setError({ fields: { code: 'Enter the code from your authenticator app.' }, general: '' });
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
    <Card title="Second factor">
      <p>Enter the 6-digit code from your authenticator app, or one of your recovery codes.</p>
      <form onSubmit={submit} noValidate>
        <TextField
          label="Code"
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
          {busy ? 'Checking…' : 'Continue'}
        </button>
        <button type="button" className="button button-quiet button-wide" onClick={() => void session.signOut()}>
          Cancel
        </button>
      </form>
    </Card>
  );
}

function ChangePassword() {
  const session = useSession();
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
    if (!current) fields.current_password = 'Enter the password you signed in with.';
    if ([...next].length < 12) fields.new_password = 'Use at least 12 characters (a passphrase of a few words works well).';
    else if (next !== repeat) fields.repeat = 'The two new passwords differ.';
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
    <Card title="Choose a new password">
      <p>
        You signed in with a one-time password. Choose your own before you continue; it ends every
        other session of your account.
      </p>
      <form onSubmit={submit} noValidate>
        <TextField
          ref={first}
          label="Current (one-time) password"
          name="current_password"
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          error={error.fields.current_password}
        />
        <TextField
          label="New password"
          name="new_password"
          type="password"
          autoComplete="new-password"
          hint="At least 12 characters; not a common password; not your username."
          value={next}
          onChange={(e) => setNext(e.target.value)}
          error={error.fields.new_password}
        />
        <TextField
          label="New password again"
          name="repeat"
          type="password"
          autoComplete="new-password"
          value={repeat}
          onChange={(e) => setRepeat(e.target.value)}
          error={error.fields.repeat}
        />
        <FormError message={error.general} />
        <button className="button button-primary button-wide" type="submit" disabled={busy}>
          {busy ? 'Saving…' : 'Change password'}
        </button>
      </form>
    </Card>
  );
}

// Who is signed in, and the steps of signing in: password, then the second factor when the
// account has TOTP, then the forced password change of a one-time password.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, get, post, request, setAuthHandlers, setCsrfToken } from '../api/client';
import type { SessionAnswer, User } from '../api/types';
import { currentLanguage, translateLoose } from '../i18n/i18n';

export type SessionStep = 'checking' | 'signed-out' | 'second-factor' | 'change-password' | 'signed-in';

export interface Session {
  step: SessionStep;
  user: User | null;
  notice: string;
  signIn(username: string, password: string): Promise<void>;
  secondFactor(code: string): Promise<void>;
  changePassword(current: string, next: string): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function stepFor(answer: SessionAnswer): SessionStep {
  if (answer.second_factor_required) return 'second-factor';
  if (answer.must_change_password ?? answer.user.must_change_password) return 'change-password';
  return 'signed-in';
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [step, setStep] = useState<SessionStep>('checking');
  const [user, setUser] = useState<User | null>(null);
  const [notice, setNotice] = useState('');

  const accept = useCallback((answer: SessionAnswer) => {
    setCsrfToken(answer.csrf_token);
    setUser(answer.user);
    setStep(stepFor(answer));
  }, []);

  useEffect(() => {
    setAuthHandlers({
      unauthorized: () => {
        setCsrfToken('');
        setUser(null);
        setStep((s) => {
          if (s === 'signed-in') setNotice(translateLoose(currentLanguage(), 'session.ended'));
          return 'signed-out';
        });
      },
      passwordChangeRequired: () => setStep('change-password'),
    });
    request<SessionAnswer>('GET', '/api/v1/session', { expectUnauthorized: true }).then(
      (r) => accept(r.data),
      () => setStep('signed-out'),
    );
  }, [accept]);

  const value = useMemo<Session>(
    () => ({
      step,
      user,
      notice,
      async signIn(username, password) {
        setNotice('');
        const r = await request<SessionAnswer>('POST', '/api/v1/session', {
          body: { username, password },
          expectUnauthorized: true,
        });
        accept(r.data);
      },
      async secondFactor(code) {
        await post<SessionAnswer>('/api/v1/session/second-factor', { code });
        // The second-factor answer does not repeat must_change_password: ask again.
        accept(await get<SessionAnswer>('/api/v1/session'));
      },
      async changePassword(current, next) {
        accept(
          await post<SessionAnswer>('/api/v1/session/password', {
            current_password: current,
            new_password: next,
          }),
        );
        setNotice(translateLoose(currentLanguage(), 'session.passwordChanged'));
      },
      async signOut() {
        try {
          await request('DELETE', '/api/v1/session', { expectUnauthorized: true });
        } catch (e) {
          if (!(e instanceof ApiError)) throw e;
        }
        setCsrfToken('');
        setUser(null);
        setNotice(translateLoose(currentLanguage(), 'session.signedOut'));
        setStep('signed-out');
      },
    }),
    [step, user, notice, accept],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

// What a role may do in the UI (the server still decides): changes to donor data and gifts.
export function canChangeDonors(user: User | null): boolean {
  return user?.role === 'admin' || user?.role === 'fundraiser';
}

export function canExport(user: User | null): boolean {
  return user?.role === 'admin' || user?.role === 'fundraiser' || user?.role === 'analyst';
}

// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionProvider } from '../session/session';
import { SignInPage } from './SignIn';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function json(status: number, body: unknown) {
  return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
}

describe('sign-in page', () => {
  it('shows what is missing next to each field without calling the server', async () => {
    const fetchMock = vi.fn().mockImplementation(() => json(401, { title: 'unauthenticated' }));
    vi.stubGlobal('fetch', fetchMock);
    render(
      <SessionProvider>
        <SignInPage />
      </SessionProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Enter your username.')).toBeTruthy();
    expect(screen.getByText('Enter your password.')).toBeTruthy();
    expect(screen.getByLabelText('Username').getAttribute('aria-invalid')).toBe('true');
    expect(fetchMock).toHaveBeenCalledTimes(1); // only the initial "who am I"
  });

  it('shows the server message for a wrong password and goes to the second factor when required', async () => {
    const fetchMock = vi
      .fn()
      .mockImplementationOnce(() => json(401, { title: 'unauthenticated' }))
      .mockImplementationOnce(() => json(401, { title: 'sign-in failed', detail: 'wrong username or password' }))
      .mockImplementationOnce(() =>
        json(201, {
          user: { id: 1, username: 'kim', display_name: '김', role: 'admin', must_change_password: false },
          csrf_token: 't',
          must_change_password: false,
          second_factor_required: true,
        }),
      );
    vi.stubGlobal('fetch', fetchMock);
    render(
      <SessionProvider>
        <SignInPage />
      </SessionProvider>,
    );
    fireEvent.change(screen.getByLabelText('Username'), { target: { value: 'kim' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'nope' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText(/wrong username or password/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'right-password-here' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Second factor' })).toBeTruthy());
    expect(screen.getByLabelText('Code')).toBeTruthy();
  });
});

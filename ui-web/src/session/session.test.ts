import { describe, expect, it } from 'vitest';
import type { SessionAnswer, User } from '../api/types';
import { canChangeDonors, canExport, stepFor } from './session';

const user: User = {
  id: 1,
  username: 'admin',
  display_name: '관리자',
  role: 'admin',
  restricted_access: true,
  must_change_password: false,
  totp_enabled: false,
};

function answer(extra: Partial<SessionAnswer>): SessionAnswer {
  return { user, csrf_token: 't', second_factor_required: false, must_change_password: false, ...extra };
}

describe('sign-in steps', () => {
  it('asks for the second factor first, then the password change, then lets the user in', () => {
    expect(stepFor(answer({ second_factor_required: true, must_change_password: true }))).toBe('second-factor');
    expect(stepFor(answer({ must_change_password: true }))).toBe('change-password');
    expect(stepFor(answer({}))).toBe('signed-in');
  });

  it('falls back to the user record when the answer omits must_change_password', () => {
    const a = answer({ user: { ...user, must_change_password: true } });
    delete a.must_change_password;
    expect(stepFor(a)).toBe('change-password');
  });
});

describe('what a role may do in the UI', () => {
  it('lets admins and fundraisers change donor data; analysts export; viewers only read', () => {
    expect(canChangeDonors(user)).toBe(true);
    expect(canChangeDonors({ ...user, role: 'fundraiser' })).toBe(true);
    expect(canChangeDonors({ ...user, role: 'analyst' })).toBe(false);
    expect(canExport({ ...user, role: 'analyst' })).toBe(true);
    expect(canExport({ ...user, role: 'viewer' })).toBe(false);
    expect(canChangeDonors(null)).toBe(false);
  });
});

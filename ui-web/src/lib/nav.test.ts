import { describe, expect, it } from 'vitest';
import type { User } from '../api/types';
import { navLinks } from './nav';

const as = (role: User['role']): User => ({ id: 1, username: 'u', display_name: '', role, restricted_access: false, must_change_password: false, totp_enabled: false });

describe('main navigation', () => {
  it('shows each role the areas it may use, in a fixed order', () => {
    const paths = (role: User['role']) => navLinks(as(role)).map((l) => l.to);
    expect(paths('admin')).toEqual(['/', '/constituents', '/gifts', '/campaigns', '/funds', '/segments', '/tasks', '/duplicates', '/mail', '/reports', '/analytics', '/admin']);
    expect(paths('fundraiser')).not.toContain('/admin');
    expect(paths('fundraiser')).toContain('/mail');
    expect(paths('analyst')).toEqual(expect.arrayContaining(['/reports', '/analytics']));
    expect(paths('analyst')).not.toContain('/mail');
    expect(paths('viewer')).not.toEqual(expect.arrayContaining(['/mail']));
    expect(paths('viewer')).toHaveLength(8);
    expect(navLinks(null)).toHaveLength(8);
  });
});

import { describe, expect, it } from 'vitest';
import { addressBody, appealBody, campaignBody, emailBody, phoneBody, relationshipBody, settingsBody, userBody } from './forms';

describe('form checks', () => {
  it('contact points', () => {
    expect(emailBody({ email: 'nope', kind: 'home', isPrimary: false })).toEqual({ errors: { email: 'contact.emailInvalid' } });
    expect(emailBody({ email: ' kim@example.org ', kind: '', isPrimary: true })).toEqual({ body: { email: 'kim@example.org', kind: 'home', is_primary: true } });
    expect(phoneBody({ phone: '+82 10-1234-5678', kind: 'mobile', isPrimary: false })).toEqual({ body: { phone: '+82 10-1234-5678', kind: 'mobile', is_primary: false } });
    expect(phoneBody({ phone: 'x', kind: '', isPrimary: false })).toEqual({ errors: { phone: 'contact.phoneInvalid' } });
  });
  it('addresses with Hangul and a country code', () => {
    const r = addressBody({ kind: 'home', line1: '서울특별시 종로구 1', line2: '', city: '서울', region: '', postalCode: '03000', country: 'kr', isPrimary: true });
    expect(r).toEqual({ body: { kind: 'home', line1: '서울특별시 종로구 1', line2: null, city: '서울', region: null, postal_code: '03000', country: 'KR', is_primary: true } });
    expect(addressBody({ kind: '', line1: '', line2: '', city: '', region: '', postalCode: '', country: 'Korea', isPrimary: false })).toEqual({ errors: { line1: 'contact.line1Missing', country: 'contact.countryInvalid' } });
  });
  it('campaigns: goal in the currency, dates in order', () => {
    const ok = campaignBody({ code: 'CAP26', name: '2026 건축', description: '', goal: '50000', startsOn: '2026-01-01', endsOn: '2026-12-31', active: true }, 'KRW');
    expect(ok).toEqual({ body: { code: 'CAP26', name: '2026 건축', description: null, goal: { amount: '50000', currency: 'KRW' }, currency: 'KRW', starts_on: '2026-01-01', ends_on: '2026-12-31', active: true } });
    expect(campaignBody({ code: '', name: '', description: '', goal: '1.5', startsOn: '2026-02-01', endsOn: '2026-01-01', active: true }, 'KRW')).toEqual({
      errors: { code: 'campaign.codeMissing', name: 'campaign.nameMissing', goal: 'campaign.goalInvalid', ends_on: 'campaign.endsBeforeStart' },
    });
    expect(appealBody({ code: 'A1', name: '봄 편지', channel: 'mail', goal: '', startsOn: '', endsOn: '' }, 'USD')).toEqual({ body: { code: 'A1', name: '봄 편지', channel: 'mail', goal: null, starts_on: null, ends_on: null } });
  });
  it('relationships, users, settings', () => {
    expect(relationshipBody({ relatedId: null, type: ' ', startedOn: '' })).toEqual({ errors: { related_id: 'relationship.relatedMissing', type: 'relationship.typeMissing' } });
    expect(userBody({ username: 'a b', displayName: '', email: '', role: 'viewer', restricted: false })).toEqual({ errors: { username: 'users.usernameInvalid', display_name: 'users.displayNameMissing' } });
    expect(settingsBody({ organizationName: '사랑의 집', currency: 'krw', fiscalStart: '7' })).toEqual({ body: { organization_name: '사랑의 집', base_currency: 'KRW', fiscal_year_start_month: 7 } });
    expect(settingsBody({ organizationName: '', currency: 'WON!', fiscalStart: '13' })).toEqual({
      errors: { organization_name: 'settings.nameMissing', base_currency: 'settings.currencyInvalid', fiscal_year_start_month: 'settings.monthInvalid' },
    });
  });
});

// Form checks of the constituent parts and campaigns: each returns error keys per API field, so
// the message shows next to the field before anything is sent.
import { parseAmount } from './format';

export type FormErrors = Record<string, string>;

const day = /^\d{4}-\d{2}-\d{2}$/;

export function emailBody(f: { email: string; kind: string; isPrimary: boolean }): { body: Record<string, unknown> } | { errors: FormErrors } {
  const email = f.email.trim();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return { errors: { email: 'contact.emailInvalid' } };
  return { body: { email, kind: f.kind || 'home', is_primary: f.isPrimary } };
}

export function phoneBody(f: { phone: string; kind: string; isPrimary: boolean }): { body: Record<string, unknown> } | { errors: FormErrors } {
  const phone = f.phone.trim();
  if ((phone.match(/\d/g) ?? []).length < 3) return { errors: { phone: 'contact.phoneInvalid' } };
  return { body: { phone, kind: f.kind || 'mobile', is_primary: f.isPrimary } };
}

export interface AddressForm {
  kind: string;
  line1: string;
  line2: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
  isPrimary: boolean;
}

export function addressBody(f: AddressForm): { body: Record<string, unknown> } | { errors: FormErrors } {
  const errors: FormErrors = {};
  if (!f.line1.trim()) errors.line1 = 'contact.line1Missing';
  const country = f.country.trim().toUpperCase();
  if (country && !/^[A-Z]{2}$/.test(country)) errors.country = 'contact.countryInvalid';
  if (Object.keys(errors).length) return { errors };
  const opt = (s: string) => (s.trim() ? s.trim() : null);
  return {
    body: {
      kind: f.kind || 'home',
      line1: f.line1.trim(),
      line2: opt(f.line2),
      city: opt(f.city),
      region: opt(f.region),
      postal_code: opt(f.postalCode),
      country: country || 'US',
      is_primary: f.isPrimary,
    },
  };
}

export interface CampaignForm {
  code: string;
  name: string;
  description: string;
  goal: string;
  startsOn: string;
  endsOn: string;
  active: boolean;
}

export function campaignBody(f: CampaignForm, currency: string): { body: Record<string, unknown> } | { errors: FormErrors } {
  const errors: FormErrors = {};
  if (!f.code.trim()) errors.code = 'campaign.codeMissing';
  if (!f.name.trim()) errors.name = 'campaign.nameMissing';
  let goal: { amount: string; currency: string } | null = null;
  if (f.goal.trim()) {
    const parsed = parseAmount(f.goal, currency);
    if ('error' in parsed) errors.goal = 'campaign.goalInvalid';
    else goal = { amount: parsed.amount, currency };
  }
  if (f.startsOn && !day.test(f.startsOn)) errors.starts_on = 'campaign.dateInvalid';
  if (f.endsOn && !day.test(f.endsOn)) errors.ends_on = 'campaign.dateInvalid';
  if (f.startsOn && f.endsOn && f.endsOn < f.startsOn) errors.ends_on = 'campaign.endsBeforeStart';
  if (Object.keys(errors).length) return { errors };
  return {
    body: {
      code: f.code.trim(),
      name: f.name.trim(),
      description: f.description.trim() || null,
      goal,
      currency,
      starts_on: f.startsOn || null,
      ends_on: f.endsOn || null,
      active: f.active,
    },
  };
}

export function appealBody(
  f: { code: string; name: string; channel: string; goal: string; startsOn: string; endsOn: string },
  currency: string,
): { body: Record<string, unknown> } | { errors: FormErrors } {
  const base = campaignBody({ ...f, description: '', active: true }, currency);
  if ('errors' in base) return base;
  const { code, name, goal, starts_on, ends_on } = base.body;
  return { body: { code, name, channel: f.channel || 'mail', goal, starts_on, ends_on } };
}

export function relationshipBody(f: { relatedId: number | null; type: string; startedOn: string }): { body: Record<string, unknown> } | { errors: FormErrors } {
  const errors: FormErrors = {};
  if (!f.relatedId) errors.related_id = 'relationship.relatedMissing';
  if (!f.type.trim()) errors.type = 'relationship.typeMissing';
  if (f.startedOn && !day.test(f.startedOn)) errors.started_on = 'campaign.dateInvalid';
  if (Object.keys(errors).length) return { errors };
  return { body: { related_id: f.relatedId, type: f.type.trim(), started_on: f.startedOn || null } };
}

export function userBody(f: { username: string; displayName: string; email: string; role: string; restricted: boolean }): { body: Record<string, unknown> } | { errors: FormErrors } {
  const errors: FormErrors = {};
  if (!/^[A-Za-z0-9._-]{2,100}$/.test(f.username.trim())) errors.username = 'users.usernameInvalid';
  if (!f.displayName.trim()) errors.display_name = 'users.displayNameMissing';
  if (f.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(f.email.trim())) errors.email = 'contact.emailInvalid';
  if (Object.keys(errors).length) return { errors };
  return {
    body: {
      username: f.username.trim(),
      display_name: f.displayName.trim(),
      email: f.email.trim() || null,
      role: f.role,
      restricted_access: f.restricted,
    },
  };
}

export function settingsBody(f: { organizationName: string; currency: string; fiscalStart: string }): { body: Record<string, unknown> } | { errors: FormErrors } {
  const errors: FormErrors = {};
  if (!f.organizationName.trim()) errors.organization_name = 'settings.nameMissing';
  if (!/^[A-Z]{3}$/.test(f.currency.trim().toUpperCase())) errors.base_currency = 'settings.currencyInvalid';
  const month = Number(f.fiscalStart);
  if (!Number.isInteger(month) || month < 1 || month > 12) errors.fiscal_year_start_month = 'settings.monthInvalid';
  if (Object.keys(errors).length) return { errors };
  return {
    body: {
      organization_name: f.organizationName.trim(),
      base_currency: f.currency.trim().toUpperCase(),
      fiscal_year_start_month: month,
    },
  };
}

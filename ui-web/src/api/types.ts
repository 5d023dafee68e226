// The shapes the API answers (docs/api.md), as far as the UI reads them.

export interface Money {
  amount: string;
  currency: string;
  minor: number;
}

export interface User {
  id: number;
  username: string;
  display_name: string;
  role: 'admin' | 'fundraiser' | 'analyst' | 'viewer';
  restricted_access: boolean;
  must_change_password: boolean;
  totp_enabled: boolean;
}

export interface SessionAnswer {
  user: User;
  csrf_token: string;
  must_change_password?: boolean;
  second_factor_required: boolean;
}

export interface Page<T> {
  items: T[];
  next_after: number | null;
}

export interface Constituent {
  id: number;
  kind: 'individual' | 'household' | 'organization';
  display_name: string;
  sort_name: string;
  first_name: string | null;
  middle_name: string | null;
  last_name: string | null;
  preferred_name: string | null;
  organization_name: string | null;
  notes: string | null;
  restricted: boolean;
  version: number;
  erased_at?: string | null; // set once the identity was erased (privacy)
  [key: string]: unknown;
}

export interface Email {
  id: number;
  email: string;
  kind: string;
  is_primary: boolean;
}

export interface Phone {
  id: number;
  phone: string;
  kind: string;
  is_primary: boolean;
}

export interface Address {
  id: number;
  kind: string;
  line1: string;
  line2: string | null;
  city: string | null;
  region: string | null;
  postal_code: string | null;
  country: string;
  is_primary: boolean;
}

export interface YearTotal {
  fiscal_year: number;
  gift_count: number;
  total: Money;
}

export interface Giving {
  currency: string;
  first_gift_on: string | null;
  first_gift: Money;
  last_gift_on: string | null;
  last_gift: Money;
  largest_gift: Money;
  gift_count: number;
  lifetime: Money;
  by_year: YearTotal[];
}

export interface ConstituentDetail extends Constituent {
  emails: Email[];
  phones: Phone[];
  addresses: Address[];
  household: { household_id: number; member_name: string; role: string } | null;
  // member_erased_at: when the member's personal data was erased (null while it is not).
  members?: { member_id: number; member_name: string; member_erased_at?: string | null; role: string }[];
  tags: { id: number; name: string }[];
  giving: Giving;
}

export interface Gift {
  id: number;
  constituent_id: number;
  received_on: string;
  amount: Money;
  payment_method: string;
  status: string;
  notes: string | null;
  allocations: { fund_id: number; amount: Money }[];
}

export interface Fund {
  id: number;
  code: string;
  name: string;
  active: boolean;
  monthly_need: Money | null;
  people_served: number | null;
}

export interface Settings {
  base_currency?: string;
  [key: string]: unknown;
}

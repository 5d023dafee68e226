// Shapes of the relationship-management routes (interactions, tasks, stage, plans, pledges,
// campaigns, needs, recurring revenue, segments, duplicates) as far as the UI reads them.
import type { Money } from './types';

export type InteractionKind = 'call' | 'meeting' | 'email' | 'letter' | 'visit' | 'note';

export interface Interaction {
  id: number;
  constituent_id: number;
  kind: InteractionKind;
  occurred_at: string;
  staff: string | null;
  summary: string;
  details: string | null;
  restricted: boolean;
  created_by: string | null;
}

export interface Task {
  id: number;
  assignee: string;
  title: string;
  details: string | null;
  due_on: string | null;
  constituent_id: number | null;
  status: 'open' | 'done' | 'cancelled';
  completed_at: string | null;
}

export interface RecurringPlan {
  id: number;
  constituent_id: number;
  amount: Money;
  frequency: string;
  status: string;
  starts_on: string;
  ends_on: string | null;
  next_expected_on: string | null;
  fund_id: number | null;
}

export interface Pledge {
  id: number;
  constituent_id: number;
  amount: Money;
  balance: Money;
  status: string;
  created_at: string;
  fund_id: number | null;
  installments?: { seq: number; due_on: string; amount: Money; paid: Money }[];
  [key: string]: unknown;
}

export const stages = ['identify', 'qualify', 'cultivate', 'solicit', 'steward'] as const;
export type Stage = (typeof stages)[number];

export interface StageAnswer {
  constituent_id: number;
  stage: Stage | null;
  history: { id: number; from_stage: Stage | null; to_stage: Stage | null; changed_by: string | null; note: string | null; created_at: string }[];
}

export interface Relationship {
  id: number;
  related_id: number;
  related_name: string;
  type: string;
  started_on: string | null;
  ended_on: string | null;
}

export interface Tally {
  raised: Money;
  gift_count: number;
  donor_count: number;
  other_currency_gifts: number;
}

export interface Campaign {
  id: number;
  code: string;
  name: string;
  description: string | null;
  currency: string;
  goal: Money | null;
  starts_on: string | null;
  ends_on: string | null;
  active: boolean;
}

export interface Appeal {
  id: number;
  campaign_id: number;
  code: string;
  name: string;
  channel: string;
  goal: Money | null;
}

export interface CampaignResults extends Tally {
  campaign_id: number;
  goal: Money | null;
  percent_of_goal: string | null;
  by_appeal: (Tally & { appeal_id: number })[];
  no_appeal: Tally;
}

export interface NeedsFund {
  fund_id: number;
  fund_code: string;
  fund_name: string;
  monthly_need: Money;
  people_served: number | null;
  need: Money;
  committed: Money;
  received: Money;
  gap: Money;
  committed_bp: number;
  received_bp: number;
  committed_percent: string;
  received_percent: string;
  months_ahead: number;
}

export interface NeedsReport {
  as_of: string;
  month_start: string;
  funds: NeedsFund[];
}

export interface MrrTotal {
  currency: string;
  monthly: Money;
  plan_count: number;
  by_fund: { fund_id: number | null; fund_code: string; fund_name: string; monthly: Money; plan_count: number }[];
}

export interface MrrReport {
  as_of: string;
  base: MrrTotal;
  other_currencies: MrrTotal[];
}

export interface UpcomingGift {
  position: number;
  expected_on: string;
  plan_id: number;
  constituent_id: number;
  display_name: string;
  amount: Money;
  frequency: string;
  fund_name: string;
}

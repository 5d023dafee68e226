// GET /api/v1/dashboard (core/src/http/handlers/dashboard_handlers.cpp).
import type { Money } from './types';

export interface NeedLine {
  fund_id: number;
  fund_code: string;
  fund_name: string;
  need: Money;
  committed: Money;
  received: Money;
  committed_bp: number;
  received_bp: number;
  gap: Money;
}

export interface Dashboard {
  as_of: string;
  currency: string;
  year_to_date: { this_year: Money; last_year: Money; this_year_gifts: number; last_year_gifts: number };
  this_month: { gift_count: number; total: Money };
  donors: { new_this_year: number; lapsed_this_year: number; retained_this_year: number; last_year_donors: number };
  recurring: { monthly: Money; plan_count: number };
  needs: NeedLine[];
  trend: { month: string; total: Money }[];
  my_tasks: { id: number; title: string; due_on: string | null; constituent_id: number | null; constituent_name: string | null }[];
  recent_gifts: { id: number; constituent_id: number; constituent_name: string; received_on: string; amount: Money }[];
  unacknowledged_gifts: number;
  // Of those, past mail.thank_within_hours (decision 0220); absent from an older server.
  unacknowledged_overdue?: number;
}

// Change from last year to this year as "+12.5%" / "−3.0%" / "new" (no giving last year).
export function change(thisYear: number, lastYear: number): string {
  if (lastYear <= 0) return thisYear > 0 ? 'new' : '—';
  const tenths = Math.round(((thisYear - lastYear) * 1000) / lastYear);
  const sign = tenths > 0 ? '+' : tenths < 0 ? '−' : '±';
  return `${sign}${(Math.abs(tenths) / 10).toFixed(1)}%`;
}

// Bar width class for a coverage in basis points: 0..100 in steps of 5 (CSS classes, since
// the Content-Security-Policy refuses style attributes).
export function coverageStep(bp: number): number {
  const pct = Math.max(0, Math.min(100, Math.floor(bp / 100)));
  return Math.floor(pct / 5) * 5;
}

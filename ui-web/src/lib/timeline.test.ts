import { describe, expect, it } from 'vitest';
import type { Interaction, Task } from '../api/crm';
import type { Gift } from '../api/types';
import { buildTimeline, countByKind, filterTimeline } from './timeline';

const usd = (minor: number) => ({ amount: (minor / 100).toFixed(2), currency: 'USD', minor });
const gift = (id: number, day: string, extra: Partial<Gift> = {}): Gift => ({
  id,
  constituent_id: 7,
  received_on: day,
  amount: usd(5000),
  payment_method: 'check',
  status: 'completed',
  notes: null,
  allocations: [],
  ...extra,
});
const interaction: Interaction = {
  id: 3,
  constituent_id: 7,
  kind: 'call',
  occurred_at: '2026-03-02T10:00:00Z',
  staff: null,
  summary: '감사 전화',
  details: null,
  restricted: true,
  created_by: 'admin',
};
const task = (id: number, due: string | null, status: Task['status'] = 'open'): Task => ({
  id,
  assignee: 'admin',
  title: '방문 약속',
  details: null,
  due_on: due,
  constituent_id: 7,
  status,
  completed_at: null,
});

describe('the constituent timeline', () => {
  const entries = buildTimeline({
    constituentId: 7,
    gifts: [gift(1, '2026-01-05'), gift(2, '2026-03-02')],
    softCredited: [
      gift(9, '2026-02-01', { constituent_id: 8, soft_credits: [{ constituent_id: 7, amount: usd(2500), role: 'spouse' }] } as Partial<Gift>),
      gift(10, '2026-02-02', { constituent_id: 8 }),
    ],
    plans: [
      { id: 4, constituent_id: 7, amount: usd(1000), frequency: 'monthly', status: 'active', starts_on: '2025-12-01', ends_on: null, next_expected_on: '2026-04-01', fund_id: 1 },
    ],
    pledges: [],
    interactions: [interaction],
    tasks: [task(5, '2026-04-10'), task(6, null)],
  });

  it('puts every kind on one list, newest first, undated tasks last', () => {
    expect(entries.map((e) => e.key)).toEqual(['task-5', 'gift-2', 'interaction-3', 'soft-9', 'gift-1', 'plan-4', 'task-6']);
  });

  it('keeps Hangul text, amounts in minor units and the restricted flag', () => {
    const call = entries.find((e) => e.kind === 'interaction');
    expect(call?.title).toBe('Call: 감사 전화');
    expect(call?.restricted).toBe(true);
    expect(entries.find((e) => e.kind === 'soft_credit')?.amount?.minor).toBe(2500);
  });

  it('filters by the chosen kinds and counts each kind', () => {
    expect(filterTimeline(entries, new Set()).length).toBe(7);
    expect(filterTimeline(entries, new Set(['task', 'plan'] as const)).map((e) => e.key)).toEqual(['task-5', 'plan-4', 'task-6']);
    expect(countByKind(entries)).toEqual({ gift: 2, plan: 1, pledge: 0, soft_credit: 1, interaction: 1, task: 2 });
  });
});

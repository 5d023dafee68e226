// One constituent's history on a single timeline: gifts, recurring plans, pledges, soft
// credits, interactions and tasks, newest first. Pure functions so the merge and the filter
// chips are unit-tested.
import type { Interaction, Pledge, RecurringPlan, Task } from '../api/crm';
import type { Gift, Money } from '../api/types';
import { translateLoose, type Vars } from '../i18n/i18n';

// Translates a key built here ("timeline.gift", "taskStatus.open"); English by default.
export type Tx = (key: string, vars?: Vars) => string;
const english: Tx = (key, vars) => translateLoose('en', key, vars);

export const timelineKinds = ['gift', 'plan', 'pledge', 'soft_credit', 'interaction', 'task'] as const;
export type TimelineKind = (typeof timelineKinds)[number];

// The chip label of a kind ("Gifts", "후원").
export function kindLabel(kind: TimelineKind, tx: Tx = english): string {
  return tx(`timelineKind.${kind}`);
}

export interface TimelineEntry {
  key: string;
  kind: TimelineKind;
  // The calendar day (YYYY-MM-DD) the entry sorts by.
  day: string;
  title: string;
  detail: string;
  amount?: Money;
  restricted?: boolean;
  task?: Task;
}

export interface TimelineSources {
  constituentId: number;
  gifts: Gift[];
  // Gifts of other donors that soft-credit this constituent.
  softCredited: Gift[];
  plans: RecurringPlan[];
  pledges: Pledge[];
  interactions: Interaction[];
  tasks: Task[];
}

const day = (text: string | null | undefined): string => (text ?? '').slice(0, 10);

export function buildTimeline(s: TimelineSources, tx: Tx = english): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const g of s.gifts) {
    entries.push({
      key: `gift-${g.id}`,
      kind: 'gift',
      day: g.received_on,
      title: tx('timeline.gift'),
      detail: [g.payment_method ? tx(`method.${g.payment_method}`) : '', g.status === 'completed' ? '' : tx(`giftStatus.${g.status}`)].filter(Boolean).join(' · '),
      amount: g.amount,
    });
  }
  for (const g of s.softCredited) {
    const credit = (g as Gift & { soft_credits?: { constituent_id: number; amount: Money; role: string }[] }).soft_credits?.find(
      (c) => c.constituent_id === s.constituentId,
    );
    if (!credit) continue;
    entries.push({
      key: `soft-${g.id}`,
      kind: 'soft_credit',
      day: g.received_on,
      title: tx('timeline.softCredit'),
      detail: tx(`softCreditRole.${credit.role}`),
      amount: credit.amount,
    });
  }
  for (const p of s.plans) {
    entries.push({
      key: `plan-${p.id}`,
      kind: 'plan',
      day: p.starts_on,
      title: tx('timeline.plan', { frequency: tx(`frequency.${p.frequency}`) }),
      detail: [tx(`planStatus.${p.status}`), p.next_expected_on && p.status === 'active' ? tx('timeline.next', { day: p.next_expected_on }) : ''].filter(Boolean).join(' · '),
      amount: p.amount,
    });
  }
  for (const p of s.pledges) {
    entries.push({
      key: `pledge-${p.id}`,
      kind: 'pledge',
      day: day(p.installments?.[0]?.due_on ?? p.created_at),
      title: tx('timeline.pledge'),
      detail: tx(`pledgeStatus.${p.status}`),
      amount: p.amount,
    });
  }
  for (const i of s.interactions) {
    entries.push({
      key: `interaction-${i.id}`,
      kind: 'interaction',
      day: day(i.occurred_at),
      title: tx('timeline.interaction', { kind: tx(`interaction.${i.kind}`), summary: i.summary }),
      detail: [i.staff, i.details].filter(Boolean).join(' · '),
      restricted: i.restricted,
    });
  }
  for (const t of s.tasks) {
    entries.push({
      key: `task-${t.id}`,
      kind: 'task',
      day: t.due_on ?? day(t.completed_at) ?? '',
      title: tx('timeline.task', { title: t.title }),
      detail: [tx(`taskStatus.${t.status}`), tx('timeline.for', { who: t.assignee }), t.due_on ? '' : tx('timeline.noDue')].filter(Boolean).join(' · '),
      task: t,
    });
  }
  // Newest first; entries of one day keep a stable order by kind then key.
  return entries.sort(
    (a, b) =>
      b.day.localeCompare(a.day) ||
      timelineKinds.indexOf(a.kind) - timelineKinds.indexOf(b.kind) ||
      b.key.localeCompare(a.key, undefined, { numeric: true }),
  );
}

// Entries of the chosen kinds (all kinds when none is chosen).
export function filterTimeline(entries: TimelineEntry[], chosen: ReadonlySet<TimelineKind>): TimelineEntry[] {
  if (chosen.size === 0) return entries;
  return entries.filter((e) => chosen.has(e.kind));
}

export function countByKind(entries: TimelineEntry[]): Record<TimelineKind, number> {
  const counts = Object.fromEntries(timelineKinds.map((k) => [k, 0])) as Record<TimelineKind, number>;
  for (const e of entries) counts[e.kind]++;
  return counts;
}

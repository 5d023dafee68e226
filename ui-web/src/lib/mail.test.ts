import { describe, expect, it } from 'vitest';
import { ackCounts, ackRows, queueCounts, checkYear, defaultStatementYear, failedState, followRun, plannedTotal, runOngoing, stateCounts, templateChanges, templateGroups, type AckItem, type MailTemplate } from './mail';

const item = (over: Partial<AckItem>): AckItem => ({
  gift_id: 1,
  constituent_id: 1,
  donor: '김민지',
  received_on: '2026-01-02',
  amount_minor: 5000,
  currency: 'USD',
  channel: 'email',
  reason: '',
  personal_call: false,
  in_flight: false,
  due_by: '2026-01-05T00:00:00Z',
  overdue: false,
  due_soon: false,
  ...over,
});

describe('acknowledgment queue', () => {
  const items = [
    item({ gift_id: 3, received_on: '2026-02-01', channel: 'letter' }),
    item({ gift_id: 1, received_on: '2026-01-05', personal_call: true, amount_minor: 150000 }),
    item({ gift_id: 2, received_on: '2026-01-05' }),
  ];
  it('shows the longest-waiting first, by channel or the personal calls', () => {
    expect(ackRows(items, 'all').map((i) => i.gift_id)).toEqual([1, 2, 3]);
    expect(ackRows(items, 'letter').map((i) => i.gift_id)).toEqual([3]);
    expect(ackRows(items, 'email').map((i) => i.gift_id)).toEqual([1, 2]);
    expect(ackRows(items, 'call').map((i) => i.gift_id)).toEqual([1]);
    expect(ackCounts(items)).toEqual({ all: 3, overdue: 0, email: 2, letter: 1, call: 1 });
    expect(ackRows([], 'all')).toEqual([]);
  });
  it('shows the overdue alone, most overdue first, and takes the counts of the whole queue from the server', () => {
    const queue = [
      item({ gift_id: 5, received_on: '2026-01-09', due_soon: true }),
      item({ gift_id: 4, received_on: '2026-01-03', overdue: true }),
      item({ gift_id: 6, received_on: '2026-01-01', overdue: true }),
    ];
    expect(ackRows(queue, 'overdue').map((i) => i.gift_id)).toEqual([6, 4]);
    expect(ackCounts(queue).overdue).toBe(2);
    expect(queueCounts({ items: queue, counts: { total: 900, overdue: 700, due_soon: 40 } })).toEqual({ total: 900, overdue: 700, due_soon: 40, notListed: 897 });
    // An answer without counts: counted from the items.
    expect(queueCounts({ items: queue })).toEqual({ total: 3, overdue: 2, due_soon: 1, notListed: 0 });
  });
});

describe('run outcomes', () => {
  it('counts each state in a stable order and marks failures', () => {
    expect(stateCounts([{ state: 'rejected' }, { state: 'accepted' }, { state: 'accepted' }, { state: 'zzz' }, { state: 'skipped' }])).toEqual([
      ['accepted', 2],
      ['skipped', 1],
      ['rejected', 1],
      ['zzz', 1],
    ]);
    expect(failedState('rejected')).toBe(true);
    expect(failedState('not_attempted')).toBe(true);
    expect(failedState('accepted')).toBe(false);
  });
});

describe('statement year', () => {
  it('uses the setting, else last year, else this year in December', () => {
    expect(defaultStatementYear(new Date(2026, 0, 10))).toBe(2025);
    expect(defaultStatementYear(new Date(2026, 11, 10))).toBe(2026);
    expect(defaultStatementYear(new Date(2026, 5, 10), '2024')).toBe(2024);
    expect(defaultStatementYear(new Date(2026, 5, 10), 'x')).toBe(2025);
    expect(checkYear('2025', new Date(2026, 0, 1))).toBeNull();
    expect(checkYear('25', new Date(2026, 0, 1))).toBe('year');
    expect(checkYear('2031', new Date(2026, 0, 1))).toBe('year');
  });
});

describe('templates', () => {
  const t = (name: string, language: string, over: Partial<MailTemplate> = {}): MailTemplate => ({
    id: 1,
    name,
    kind: 'thank_you_email',
    language,
    version: 1,
    subject: '감사합니다 {{donor.salutation}}',
    body_text: 'text',
    body_html: '<p>html</p>',
    active: true,
    created_by: 'system',
    created_at: '2026-01-01T00:00:00Z',
    ...over,
  });
  it('groups languages under the name, English first', () => {
    const g = templateGroups([t('thank-you', 'ko'), t('appeal', 'en'), t('thank-you', 'en')]);
    expect(g.map((x) => x.name)).toEqual(['appeal', 'thank-you']);
    expect(g[1].versions.map((v) => v.language)).toEqual(['en', 'ko']);
  });
  it('sends only what changed, with the name and language', () => {
    const cur = t('thank-you', 'ko');
    expect(templateChanges(cur, { subject: cur.subject, body_text: 'text', body_html: '<p>html</p>', active: true })).toBeNull();
    expect(templateChanges(cur, { subject: '고맙습니다', body_text: 'text', body_html: '<p>html</p>', active: false })).toEqual({
      name: 'thank-you',
      language: 'ko',
      subject: '고맙습니다',
      active: false,
    });
  });
});

describe('followRun (a sending run is a background job)', () => {
  const run = (status: string, done: number) => ({ id: 7, status, progress: { total: 3, done, emailed: done, printed: 0, skipped: 0, failed: 0 } });
  it('polls GET /mail/runs/{id} until the run has ended, reporting each answer', async () => {
    const answers = [run('running', 1), run('running', 2), run('finished', 3)];
    const asked: number[] = [];
    const seen: string[] = [];
    const last = await followRun(run('queued', 0), async (id) => (asked.push(id), answers.shift()!), (r) => seen.push(`${r.status}:${r.progress?.done}`), { wait: async () => {} });
    expect(last.status).toBe('finished');
    expect(asked).toEqual([7, 7, 7]);
    expect(seen).toEqual(['running:1', 'running:2', 'finished:3']);
  });
  it('does not poll a dry run (no status) or an ended run, and stops when the page is left', async () => {
    let polls = 0;
    const fetchRun = async () => (polls++, run('running', 1));
    await followRun({ send: false } as { status?: string }, fetchRun, () => {}, { wait: async () => {} });
    await followRun(run('failed', 0), fetchRun, () => {}, { wait: async () => {} });
    expect(polls).toBe(0);
    let alive = 2;
    await followRun(run('running', 0), fetchRun, () => {}, { wait: async () => {}, alive: () => alive-- > 0 });
    expect(polls).toBe(2);
  });
  it('knows which states are still going', () => {
    expect(runOngoing(run('queued', 0))).toBe(true);
    expect(runOngoing(run('running', 1))).toBe(true);
    for (const s of ['finished', 'cancelled', 'failed']) expect(runOngoing(run(s, 0))).toBe(false);
    expect(runOngoing(null)).toBe(false);
  });
});

describe('dry run counts', () => {
  it('counts what the run will do, not the sample of rows shown', () => {
    const counts = { total: 10000, emailed: 9000, printed: 900, skipped: 100 };
    expect(plannedTotal({ counts, sample_limit: 20 }, 40)).toEqual({ total: 10000, sampled: true });
    expect(plannedTotal({ counts: { ...counts, total: 3 } }, 3)).toEqual({ total: 3, sampled: false });
    // A finished run (no counts): its rows are everything.
    expect(plannedTotal({}, 5)).toEqual({ total: 5, sampled: false });
  });
});

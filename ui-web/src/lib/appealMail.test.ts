import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, setCsrfToken } from '../api/client';
import { cancelSend, checkRate, exclusionFunnel, isFinished, ratePercent, sendMinutes, sendProgress, stateRows, recipientName, recipientsPath, recipientTabs, hiddenInTab, type SendRecipient } from './appealMail';

function appealReply(status: number, body: unknown) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken('');
});

describe('appeal audience preview', () => {
  it('counts down from the segment through each exclusion in the server order', () => {
    const rows = exclusionFunnel({
      segment_count: 20,
      excluded: { restricted: 1, already_sent: 0, unsubscribed: 2, do_not_email: 3, do_not_solicit: 1, no_valid_email: 4, shared_address: 2, total: 13 },
    });
    expect(rows.map((r) => r.key)).toEqual(['restricted', 'already_sent', 'unsubscribed', 'do_not_email', 'do_not_solicit', 'no_valid_email', 'shared_address']);
    expect(rows.map((r) => r.left)).toEqual([19, 19, 17, 14, 13, 9, 7]);
    expect(rows[5].excluded).toBe(4);
  });
  it('treats missing counts as none and never goes below zero', () => {
    expect(exclusionFunnel({ segment_count: 1, excluded: { no_valid_email: 5 } })[5].left).toBe(0);
    expect(exclusionFunnel({ segment_count: 3, excluded: {} }).every((r) => r.left === 3)).toBe(true);
  });
});

describe('send rate', () => {
  it('accepts whole numbers from 1 to 6000 a minute', () => {
    expect(checkRate('60')).toEqual({ rate: 60 });
    expect(checkRate(' 6000 ')).toEqual({ rate: 6000 });
    for (const bad of ['', '0', '6001', '1.5', '-3', 'abc', '六十']) expect(checkRate(bad)).toEqual({ error: 'appealMail.rateInvalid' });
  });
  it('estimates the minutes a send takes', () => {
    expect(sendMinutes(0, 60)).toBe(0);
    expect(sendMinutes(1, 60)).toBe(1);
    expect(sendMinutes(121, 60)).toBe(3);
  });
});

describe('send progress', () => {
  it('counts sent, rejected and skipped as done; deferred and queued as to come', () => {
    const p = sendProgress({ recipients: 10, status: 'sending', states: { sent: 3, rejected: 1, skipped: 1, deferred: 2, queued: 3 } });
    expect(p).toEqual({ done: 5, total: 10, percent: 50 });
  });
  it('is 100% when a finished send has everyone done, and for an empty finished send', () => {
    expect(sendProgress({ recipients: 3, status: 'finished', states: { sent: 3 } }).percent).toBe(100);
    expect(sendProgress({ recipients: 0, status: 'finished', states: {} }).percent).toBe(100);
    expect(sendProgress({ recipients: 0, status: 'sending' }).percent).toBe(0);
    expect(isFinished({ status: 'cancelled' })).toBe(true);
    expect(isFinished({ status: 'sending' })).toBe(false);
  });
  it('lists the states in a fixed order without the empty ones', () => {
    expect(stateRows({ skipped: 1, sent: 4, queued: 0, weird: 2 })).toEqual([
      ['sent', 4],
      ['skipped', 1],
      ['weird', 2],
    ]);
    expect(stateRows(undefined)).toEqual([]);
  });
  it('shows the response rate as a percent', () => {
    expect(ratePercent(0.125)).toBe('12.5');
    expect(ratePercent('0.5')).toBe('50');
    expect(ratePercent(null)).toBe('0');
  });
});

describe('recipients list', () => {
  it('asks the server for one page of one state', () => {
    expect(recipientsPath(4, '')).toBe('/api/v1/appeal-sends/4/recipients?limit=50');
    expect(recipientsPath(4, 'rejected', 120)).toBe('/api/v1/appeal-sends/4/recipients?state=rejected&limit=50&after=120');
  });
  it('offers a tab for everyone and each state with recipients, with counts', () => {
    expect(recipientTabs({ sent: 4, rejected: 1, queued: 0, cancelled: 2 })).toEqual([
      { state: '', count: 7 },
      { state: 'failed', count: 1 },
      { state: 'sent', count: 4 },
      { state: 'rejected', count: 1 },
      { state: 'cancelled', count: 2 },
    ]);
    expect(recipientTabs(undefined)).toEqual([{ state: '', count: 0 }]);
    expect(recipientTabs({ sent: 2, rejected: 1, skipped: 3 })[1]).toEqual({ state: 'failed', count: 4 });
    expect(recipientTabs({ sent: 2, queued: 1 }).map((t) => t.state)).toEqual(['', 'queued', 'sent']);
  });
  it('says how many of each tab are restricted donors the user cannot see', () => {
    const hidden = { rejected: 1, skipped: 2, sent: 4 };
    expect(hiddenInTab('', hidden)).toBe(7);
    expect(hiddenInTab('failed', hidden)).toBe(3);
    expect(hiddenInTab('sent', hidden)).toBe(4);
    expect(hiddenInTab('queued', hidden)).toBe(0);
    expect(hiddenInTab('', undefined)).toBe(0);
  });
  it('names a recipient, in Hangul too, or falls back to the id', () => {
    const r: SendRecipient = { constituent_id: 5, display_name: '김민지', address: 'a@example.org', state: 'sent', attempts: 1, reply: null };
    expect(recipientName(r)).toBe('김민지');
    expect(recipientName({ constituent_id: 5 })).toBe('#5');
  });
});

describe('cancel a send', () => {
  it('posts with the CSRF token and answers the cancelled send', async () => {
    const fetchMock = vi.fn().mockResolvedValue(appealReply(200, { id: 7, status: 'cancelled', recipients: 3 }));
    vi.stubGlobal('fetch', fetchMock);
    setCsrfToken('tok');
    const out = await cancelSend(7);
    expect(out).toEqual({ kind: 'cancelled', send: { id: 7, status: 'cancelled', recipients: 3 } });
    const [path, init] = fetchMock.mock.calls[0];
    expect(path).toBe('/api/v1/appeal-sends/7/cancel');
    expect(init.method).toBe('POST');
    expect(init.headers['X-CSRF-Token']).toBe('tok');
  });
  it('reads a 409 as "already finished", not as an error', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(appealReply(409, { type: 'https://steward.invalid/problems/state', title: 'the send has finished', status: 409 })));
    expect(await cancelSend(7)).toEqual({ kind: 'already-finished' });
  });
  it('passes other errors on', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(appealReply(404, { type: 'https://steward.invalid/problems/not-found', title: 'no such appeal send', status: 404 })));
    await expect(cancelSend(7)).rejects.toBeInstanceOf(ApiError);
  });
});

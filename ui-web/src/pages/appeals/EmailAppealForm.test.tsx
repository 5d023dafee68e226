// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EmailAppealForm } from './EmailAppealForm';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function appealFormReply(status: number, body: unknown) {
  return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } }));
}

const appeal = { id: 8, campaign_id: 1, code: 'WINTER', name: '겨울 호소문', channel: 'email', goal: null };

function serve(url: string, init?: RequestInit) {
  if (url.startsWith('/api/v1/segments?')) return appealFormReply(200, { items: [{ id: 2, name: '작년 후원자' }], next_after: null });
  if (url === '/api/v1/mail/templates') return appealFormReply(200, { items: [{ name: 'appeal', kind: 'appeal', language: 'ko' }, { name: 'thank-you', kind: 'thank_you', language: 'en' }] });
  if (url === '/api/v1/mail/settings') return appealFormReply(200, { 'mail.appeal_rate_per_minute': '120' });
  if (url.startsWith('/api/v1/appeals/8/email-preview')) {
    return appealFormReply(200, { appeal_id: 8, segment_id: 2, template_name: 'appeal', segment_count: 10, recipients: 6, by_language: { en: 2, ko: 4 }, excluded: { restricted: 1, do_not_email: 2, no_valid_email: 1, total: 4 } });
  }
  if (url.startsWith('/api/v1/segments/2/members')) return appealFormReply(200, { items: [{ id: 5, display_name: '김민지' }], next_after: null });
  if (url === '/api/v1/mail/preview') return appealFormReply(200, { subject: '올겨울, 안전한 보금자리를', text: '민지 님께' });
  if (url === '/api/v1/appeals/8/email-sends' && init?.method === 'POST') return appealFormReply(202, { id: 4, status: 'sending', recipients: 6 });
  return appealFormReply(404, { type: 'https://steward.invalid/problems/not-found', title: 'no such resource' });
}

describe('email this appeal', () => {
  it('needs a segment, previews each exclusion and a sample, checks the rate, then starts the send', async () => {
    const fetchMock = vi.fn().mockImplementation(serve);
    vi.stubGlobal('fetch', fetchMock);
    const started = vi.fn();
    render(<EmailAppealForm appeal={appeal} onCancel={() => {}} onStarted={started} />);
    await screen.findByRole('option', { name: '작년 후원자' });
    expect(screen.queryByRole('option', { name: 'thank-you' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Preview recipients' }));
    expect(screen.getByText('Choose the segment to email.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Saved segment'), { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Preview recipients' }));
    const table = await screen.findByTestId('appeal-audience');
    const remaining = within(table).getAllByRole('row').slice(1).map((r) => r.lastElementChild?.textContent);
    expect(remaining).toEqual(['10', '9', '9', '9', '7', '7', '6', '6', '6']);
    expect(await screen.findByText('Sample message for 김민지')).toBeTruthy();
    const rate = screen.getByLabelText('Messages a minute') as HTMLInputElement;
    expect(rate.value).toBe('120');
    fireEvent.change(rate, { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send to 6' }));
    expect(screen.getByText('Enter a whole number from 1 to 6000.')).toBeTruthy();
    fireEvent.change(rate, { target: { value: '30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send to 6' }));
    await vi.waitFor(() => expect(started).toHaveBeenCalledWith(expect.objectContaining({ id: 4 })));
    const post = fetchMock.mock.calls.find(([u, i]) => u === '/api/v1/appeals/8/email-sends' && i?.method === 'POST');
    expect(JSON.parse(post?.[1].body)).toEqual({ segment_id: 2, template_name: 'appeal', rate_per_minute: 30 });
  });
});

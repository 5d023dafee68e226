// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SavedQueries } from './AnalyticsSaved';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.localStorage.clear();
});

function reply(status: number, body: unknown) {
  return Promise.resolve(new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } }));
}

const mine = { id: 1, name: 'Giving by fund', query: { measures: ['amount'], dimensions: ['fund'] }, shared: false, owner: 'me', mine: true, can_change: true, created_at: '', updated_at: '' };
const theirs = { id: 2, name: '연도별 기금', query: { measures: ['gift_count'] }, shared: true, owner: 'kim', mine: false, can_change: false, created_at: '', updated_at: '' };

function serve(items: unknown[]) {
  const fetchMock = vi.fn().mockImplementation((url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    if (method === 'GET') return reply(200, { items });
    if (method === 'DELETE') return reply(204, null);
    const body = JSON.parse(String(init?.body ?? '{}'));
    if (method === 'POST' && body.name === 'Giving by fund') return reply(409, { type: 'https://steward.invalid/problems/conflict', title: 'conflict', status: 409, detail: "you already have a saved query named 'Giving by fund'" });
    return reply(method === 'POST' ? 201 : 200, { ...mine, id: method === 'POST' ? 9 : Number(url.split('/').pop()), ...body });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const calls = (fetchMock: ReturnType<typeof vi.fn>, method: string) => fetchMock.mock.calls.filter(([, init]) => (init?.method ?? 'GET') === method);

describe('saved analytics queries', () => {
  it('saves the current query on the server, shared when asked, and says a taken name at the field', async () => {
    const fetchMock = serve([mine, theirs]);
    render(<SavedQueries query={() => ({ measures: ['amount'] })} currency="USD" onOpen={() => undefined} />);
    await screen.findByRole('option', { name: '연도별 기금 (by kim)' });
    fireEvent.change(screen.getByLabelText('Name this query'), { target: { value: 'Giving by fund' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toContain('already have a saved query');
    fireEvent.change(screen.getByLabelText('Name this query'), { target: { value: '월별 후원' } });
    fireEvent.click(screen.getByLabelText('Share with everyone who uses analytics'));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved “월별 후원”.')).toBeTruthy();
    const posts = calls(fetchMock, 'POST');
    expect(posts[1][0]).toBe('/api/v1/analytics/saved-queries');
    expect(JSON.parse(posts[1][1].body)).toEqual({ name: '월별 후원', query: { measures: ['amount'] }, shared: true });
  });

  it('opens a shared query, but renames, shares and deletes only your own', async () => {
    const fetchMock = serve([mine, theirs]);
    const opened = vi.fn();
    render(<SavedQueries query={() => null} currency="USD" onOpen={opened} />);
    const select = await screen.findByLabelText('Open a saved query');
    fireEvent.change(select, { target: { value: '2' } });
    expect(screen.queryByRole('button', { name: 'Rename' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Open' }));
    expect(opened).toHaveBeenCalledWith(expect.objectContaining({ measures: ['gift_count'], dimensions: [] }));
    fireEvent.change(select, { target: { value: '1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Rename' }));
    const form = screen.getByRole('form', { name: 'Rename Giving by fund' });
    fireEvent.change(within(form).getByLabelText('New name'), { target: { value: '기금별 후원' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Renamed to “기금별 후원”.')).toBeTruthy();
    const put = calls(fetchMock, 'PUT')[0];
    expect(put[0]).toBe('/api/v1/analytics/saved-queries/1');
    expect(JSON.parse(put[1].body)).toEqual({ name: '기금별 후원', query: mine.query, shared: false });
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, delete it' }));
    expect(await screen.findByText('Deleted “Giving by fund”.')).toBeTruthy();
    expect(calls(fetchMock, 'DELETE')[0][0]).toBe('/api/v1/analytics/saved-queries/1');
  });

  it('asks to save a form with problems only once they are fixed', async () => {
    const fetchMock = serve([]);
    render(<SavedQueries query={() => null} currency="USD" onOpen={() => undefined} />);
    expect(await screen.findByText('No saved queries yet.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Name this query'), { target: { value: 'x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Fix the query before saving it');
    expect(calls(fetchMock, 'POST')).toHaveLength(0);
  });

  it('offers once to move the queries kept in this browser, then clears them there', async () => {
    window.localStorage.setItem('steward.analytics.saved', JSON.stringify([{ name: 'Old one', q: JSON.stringify({ measures: ['amount'], dimensions: ['period'], grain: 'year', from: '', to: '', filters: [], limit: '' }) }]));
    const fetchMock = serve([]);
    render(<SavedQueries query={() => null} currency="USD" onOpen={() => undefined} />);
    const offer = await screen.findByTestId('move-local');
    expect(offer.textContent).toContain('Old one');
    fireEvent.click(within(offer).getByRole('button', { name: 'Move to the server' }));
    expect(await screen.findByText('Moved to the server: 1.')).toBeTruthy();
    expect(JSON.parse(calls(fetchMock, 'POST')[0][1].body)).toEqual({ name: 'Old one', query: { measures: ['amount'], dimensions: ['period'], grain: 'year' }, shared: false });
    expect(window.localStorage.getItem('steward.analytics.saved')).toBeNull();
    expect(screen.queryByTestId('move-local')).toBeNull();
  });
});

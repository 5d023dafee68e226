import { afterEach, describe, expect, it, vi } from 'vitest';
import { getAllPages } from './pages';

afterEach(() => vi.unstubAllGlobals());

function json(body: unknown) {
  return Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } }));
}

describe('getAllPages', () => {
  it('follows next_after until the last page', async () => {
    const calls: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn().mockImplementation((url: string) => {
        calls.push(url);
        if (!url.includes('after=')) return json({ items: [{ id: 9 }, { id: 8 }], next_after: 8 });
        if (url.includes('after=8')) return json({ items: [{ id: 6 }], next_after: 6 });
        return json({ items: [], next_after: null });
      }),
    );
    const items = await getAllPages<{ id: number }>('/constituents/5/interactions', { newest_first: 'true' });
    expect(items.map((i) => i.id)).toEqual([9, 8, 6]);
    expect(calls[0]).toBe('/api/v1/constituents/5/interactions?newest_first=true&limit=500');
    expect(calls[1]).toBe('/api/v1/constituents/5/interactions?newest_first=true&limit=500&after=8');
    expect(calls.length).toBe(3);
  });

  it('stops after maxPages', async () => {
    vi.stubGlobal('fetch', vi.fn().mockImplementation(() => json({ items: [{ id: 1 }], next_after: 1 })));
    const items = await getAllPages<{ id: number }>('/tasks', {}, undefined, 3);
    expect(items.length).toBe(3);
  });
});

import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { queryBody, type AnalyticsDraft } from './analytics';
import { draftFromQuery, moveLocalQueries, readLocal, savedGroups, writeLocal, type SaveInput, type ServerSavedQuery } from './savedQueries';

const draft: AnalyticsDraft = {
  measures: ['amount', 'donor_count'],
  dimensions: ['period', 'fund'],
  grain: 'year',
  from: '2025-01-01',
  to: '2025-12-31',
  filters: [
    { field: 'fund', op: 'in', values: ['3', '4'] },
    { field: 'amount', op: '>=', values: ['1000.50'] },
    { field: 'region', op: '=', values: ['서울'] },
  ],
  limit: '500',
};

function saved(id: number, name: string, mine: boolean): ServerSavedQuery {
  return { id, name, query: { measures: ['amount'] }, shared: !mine, owner: mine ? 'me' : 'kim', mine, can_change: mine, created_at: '', updated_at: '' };
}

describe('saved analytics queries', () => {
  it('rebuilds the form from a saved query exactly as it was (amounts in major units, ids as text)', () => {
    const body = queryBody(draft, 'USD');
    expect(body.filters?.[1]).toEqual({ field: 'amount', op: '>=', value: 100050 });
    expect(draftFromQuery(body, 'USD')).toEqual(draft);
    expect(queryBody(draftFromQuery(body, 'USD'), 'USD')).toEqual(body);
  });

  it('keeps KRW amounts whole and fills what a query leaves out with the form defaults', () => {
    const won = draftFromQuery({ measures: ['amount'], filters: [{ field: 'amount', op: '<', value: 50000 }] }, 'KRW');
    expect(won.filters[0]).toEqual({ field: 'amount', op: '<', values: ['50000'] });
    expect(won.dimensions).toEqual([]);
    expect(won.grain).toBe('month');
    expect(won.limit).toBe('');
  });

  it('lists my queries first, then the ones others shared, each by name', () => {
    const groups = savedGroups([saved(1, 'Zeta', true), saved(2, '기금', false), saved(3, 'Alpha', true)]);
    expect(groups.mine.map((q) => q.name)).toEqual(['Alpha', 'Zeta']);
    expect(groups.shared.map((q) => q.name)).toEqual(['기금']);
  });

  it('moves the browser queries to the server once: a taken name gets a number, a refusal stays behind', async () => {
    const local = [
      { name: '연도별 기금', q: JSON.stringify(draft) },
      { name: 'Taken', q: JSON.stringify(draft) },
      { name: 'Broken', q: JSON.stringify({ ...draft, limit: '99999' }) },
    ];
    const sent: SaveInput[] = [];
    const save = async (input: SaveInput) => {
      sent.push(input);
      if (input.name === 'Taken') throw new ApiError(409, { title: 'conflict', status: 409 });
      if (input.name === 'Broken') throw new ApiError(422, { title: 'invalid', status: 422, errors: [{ field: 'query.limit', message: 'must be 1..10000' }] });
      return {};
    };
    const out = await moveLocalQueries(local, 'USD', save);
    expect(out.moved).toEqual(['연도별 기금', 'Taken (2)']);
    expect(out.failed.map((f) => f.name)).toEqual(['Broken']);
    expect(out.left).toEqual([local[2]]);
    expect(sent[0]).toEqual({ name: '연도별 기금', query: queryBody(draft, 'USD'), shared: false });
  });

  it('reads and writes back what is left in the browser, clearing it when nothing is', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v), removeItem: (k: string) => void store.delete(k) };
    writeLocal(storage, [{ name: 'a', q: '{}' }]);
    expect(readLocal(storage)).toEqual([{ name: 'a', q: '{}' }]);
    writeLocal(storage, []);
    expect(readLocal(storage)).toEqual([]);
    expect(store.size).toBe(0);
    expect(readLocal(null)).toEqual([]);
  });
});

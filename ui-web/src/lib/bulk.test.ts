import { describe, expect, it } from 'vitest';
import { badIndexOf, runBulk, runBulkChunks, toggle, toggleAll } from './bulk';

describe('bulk selection and runs', () => {
  it('toggles one and all on the page', () => {
    expect([...toggle(new Set([1]), 2)]).toEqual([1, 2]);
    expect([...toggle(new Set([1, 2]), 2)]).toEqual([1]);
    expect([...toggleAll(new Set([9]), [1, 2])].sort()).toEqual([1, 2, 9]);
    expect([...toggleAll(new Set([1, 2, 9]), [1, 2])]).toEqual([9]);
  });
  it('runs each row in turn and reports failures', async () => {
    const seen: number[] = [];
    const progress: number[] = [];
    const r = await runBulk(
      [1, 2, 3],
      async (id) => {
        seen.push(id);
        if (id === 2) throw new Error('not found');
      },
      (e) => (e as Error).message,
      (n) => progress.push(n),
    );
    expect(seen).toEqual([1, 2, 3]);
    expect(progress).toEqual([1, 2, 3]);
    expect(r).toEqual({ done: [1, 3], failed: [{ id: 2, message: 'not found' }] });
  });
  it('sends chunks, drops the id a 422 names and sends the rest again', async () => {
    const sent: number[][] = [];
    const progress: number[] = [];
    const r = await runBulkChunks(
      [1, 2, 3, 4, 5],
      2,
      async (chunk) => {
        sent.push(chunk);
        const hidden = chunk.indexOf(4);
        if (hidden >= 0) throw { fields: [{ field: `constituent_ids[${hidden}]` }], message: 'constituent 4 does not exist' };
        if (chunk.includes(5)) throw { fields: [], message: 'offline' };
      },
      (e) => (e as { message: string }).message,
      (e) => badIndexOf((e as { fields: { field: string }[] }).fields),
      (n) => progress.push(n),
    );
    expect(sent).toEqual([[1, 2], [3, 4], [3], [5]]);
    expect(r).toEqual({
      done: [1, 2, 3],
      failed: [
        { id: 4, message: 'constituent 4 does not exist' },
        { id: 5, message: 'offline' },
      ],
    });
    expect(progress).toEqual([2, 4, 5]);
    expect(badIndexOf([{ field: 'name' }])).toBeNull();
  });
});

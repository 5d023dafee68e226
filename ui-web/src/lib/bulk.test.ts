import { describe, expect, it } from 'vitest';
import { runBulk, toggle, toggleAll } from './bulk';

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
});

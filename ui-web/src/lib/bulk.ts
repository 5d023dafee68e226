// Bulk actions on selected rows: a selection that survives paging, and a runner that applies
// one request per row in turn and reports which rows failed (nothing is retried silently).
export function toggle(selection: ReadonlySet<number>, id: number): Set<number> {
  const next = new Set(selection);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

export function toggleAll(selection: ReadonlySet<number>, ids: number[]): Set<number> {
  const next = new Set(selection);
  const all = ids.length > 0 && ids.every((id) => next.has(id));
  for (const id of ids) {
    if (all) next.delete(id);
    else next.add(id);
  }
  return next;
}

export interface BulkResult {
  done: number[];
  failed: { id: number; message: string }[];
}

export async function runBulk(
  ids: number[],
  action: (id: number) => Promise<void>,
  describe: (error: unknown) => string,
  onProgress?: (finished: number) => void,
): Promise<BulkResult> {
  const result: BulkResult = { done: [], failed: [] };
  let finished = 0;
  for (const id of ids) {
    try {
      await action(id);
      result.done.push(id);
    } catch (e) {
      result.failed.push({ id, message: describe(e) });
    }
    onProgress?.(++finished);
  }
  return result;
}

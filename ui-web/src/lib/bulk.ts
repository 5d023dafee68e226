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

// The index a bulk request's 422 names ("constituent_ids[3]" -> 3), or null.
export function badIndexOf(fields: { field: string }[]): number | null {
  for (const f of fields) {
    const m = /^constituent_ids\[(\d+)\]$/.exec(f.field);
    if (m) return Number(m[1]);
  }
  return null;
}

// Applies one request per chunk of ids (the server's bulk routes: all of a chunk or none).
// When a chunk is refused because of one id (badIndex names it), that id is reported as failed
// and the rest of the chunk is sent again; any other error fails the whole chunk.
export async function runBulkChunks(
  ids: number[],
  size: number,
  action: (chunk: number[]) => Promise<void>,
  describe: (error: unknown) => string,
  badIndex: (error: unknown) => number | null,
  onProgress?: (finished: number) => void,
): Promise<BulkResult> {
  const result: BulkResult = { done: [], failed: [] };
  let finished = 0;
  for (let start = 0; start < ids.length; start += size) {
    let chunk = ids.slice(start, start + size);
    while (chunk.length > 0) {
      try {
        await action(chunk);
        result.done.push(...chunk);
        break;
      } catch (e) {
        const bad = badIndex(e);
        if (bad === null || bad < 0 || bad >= chunk.length) {
          for (const id of chunk) result.failed.push({ id, message: describe(e) });
          break;
        }
        result.failed.push({ id: chunk[bad], message: describe(e) });
        chunk = chunk.filter((_, i) => i !== bad);
      }
    }
    finished = Math.min(ids.length, start + size);
    onProgress?.(finished);
  }
  return result;
}

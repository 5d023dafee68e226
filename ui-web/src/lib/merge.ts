// Merging two duplicate records: which fields are offered, and the merge request for the
// choices made (POST /api/v1/duplicates/merge; docs/duplicates.md).
export const mergeFields = ['display_name', 'first_name', 'last_name', 'preferred_name', 'organization_name', 'notes'] as const;
export type MergeField = (typeof mergeFields)[number];

export interface MergeRequest {
  survivor: number;
  losers: number[];
  take: Partial<Record<MergeField, number>>;
  etags: Record<string, string>;
}

// `take` names only the fields whose chosen record is the loser: the survivor's values are kept
// anyway (and blanks filled from the loser by the server).
export function mergeRequest(
  survivor: number,
  loser: number,
  chosen: Partial<Record<MergeField, number>>,
  etags: Record<number, string | null>,
): MergeRequest {
  const take: Partial<Record<MergeField, number>> = {};
  for (const f of mergeFields) if (chosen[f] === loser) take[f] = loser;
  const tags: Record<string, string> = {};
  for (const id of [survivor, loser]) {
    const etag = etags[id];
    if (etag) tags[String(id)] = etag;
  }
  return { survivor, losers: [loser], take, etags: tags };
}

// The simple segment builder's draft and the filter it stands for (docs/segments.md). Empty
// parts are left out; one condition stands alone, several are joined with "and"; no condition
// is {} (everyone).
export interface SegmentDraft {
  kind: string;
  tag: string;
  gaveFrom: string;
  gaveTo: string;
  gaveMin: string;
  lastGiftBefore: string;
  region: string;
  country: string;
}

export const emptyDraft: SegmentDraft = { kind: '', tag: '', gaveFrom: '', gaveTo: '', gaveMin: '', lastGiftBefore: '', region: '', country: '' };

export type Filter = Record<string, unknown>;

export function filterOf(d: SegmentDraft): Filter {
  const parts: Filter[] = [];
  if (d.kind) parts.push({ kind: d.kind });
  if (d.tag.trim()) parts.push({ tag: d.tag.trim() });
  const gave: Record<string, string> = {};
  if (d.gaveFrom) gave.from = d.gaveFrom;
  if (d.gaveTo) gave.to = d.gaveTo;
  if (d.gaveMin.trim()) gave.min = d.gaveMin.trim().replace(/,/g, '');
  if (Object.keys(gave).length) parts.push({ gave });
  if (d.lastGiftBefore) parts.push({ last_gift: { before: d.lastGiftBefore } });
  if (d.region.trim()) parts.push({ region: d.region.trim() });
  if (d.country.trim()) parts.push({ country: d.country.trim().toUpperCase() });
  if (parts.length === 0) return {};
  if (parts.length === 1) return parts[0];
  return { and: parts };
}

// The draft field a server error path names ("filter.and[2].gave.min" -> "gaveMin").
export function draftFieldOf(path: string, d: SegmentDraft): keyof SegmentDraft | undefined {
  const filter = filterOf(d);
  const m = /^filter(?:\.and\[(\d+)\])?\.?(.*)$/.exec(path);
  if (!m) return undefined;
  const part = (m[1] !== undefined ? (filter.and as Filter[])?.[Number(m[1])] : filter) ?? {};
  const key = Object.keys(part)[0];
  const rest = m[2].replace(/^[a-z_]+\.?/, '');
  if (key === 'gave') return rest === 'from' ? 'gaveFrom' : rest === 'to' ? 'gaveTo' : 'gaveMin';
  if (key === 'last_gift') return 'lastGiftBefore';
  if (key === 'kind' || key === 'tag' || key === 'region' || key === 'country') return key;
  return undefined;
}

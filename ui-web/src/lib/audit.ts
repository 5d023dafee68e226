// The audit log's filters: entity type and id, actor, action and the date range (from/to, days
// in UTC, both included) all go to the API, so every page is full. The range is also checked on
// the loaded events (a no-op with the server's filter) and paging stops once a page ends before
// the "from" day.
export interface AuditFilter {
  entityType: string;
  entityId: string;
  actor: string;
  action: string;
  from: string;
  to: string;
}

export interface AuditEvent {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: number | null;
  before: unknown;
  after: unknown;
  remote_addr: string | null;
}

export const emptyAuditFilter: AuditFilter = { entityType: '', entityId: '', actor: '', action: '', from: '', to: '' };

export function auditQuery(f: AuditFilter, after: number | null, limit = 50): Record<string, string | number | null> {
  return {
    entity_type: f.entityType.trim(),
    entity_id: f.entityId.trim(),
    actor: f.actor.trim(),
    action: f.action.trim(),
    from: f.from,
    to: f.to,
    after,
    limit,
  };
}

export function checkAuditFilter(f: AuditFilter): Record<string, 'audit.entityIdInvalid' | 'audit.rangeInvalid'> {
  const errors: Record<string, 'audit.entityIdInvalid' | 'audit.rangeInvalid'> = {};
  if (f.entityId.trim() && !/^\d+$/.test(f.entityId.trim())) errors.entity_id = 'audit.entityIdInvalid';
  if (f.from && f.to && f.from > f.to) errors.to = 'audit.rangeInvalid';
  return errors;
}

// The day (YYYY-MM-DD, UTC) of an event's instant.
export function eventDay(at: string): string {
  return at.slice(0, 10);
}

export function inRange(e: AuditEvent, f: AuditFilter): boolean {
  const day = eventDay(e.at);
  if (f.from && day < f.from) return false;
  if (f.to && day > f.to) return false;
  return true;
}

// Whether an older page could still hold events in range.
export function olderMayMatch(page: AuditEvent[], f: AuditFilter): boolean {
  if (!f.from || page.length === 0) return true;
  return eventDay(page[page.length - 1].at) >= f.from;
}

// A short "field: before → after" list of what changed.
export function changes(before: unknown, after: unknown): { field: string; before: string; after: string }[] {
  const b = before && typeof before === 'object' ? (before as Record<string, unknown>) : {};
  const a = after && typeof after === 'object' ? (after as Record<string, unknown>) : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => k !== 'updated_at' && k !== 'version');
  const show = (v: unknown) => (v === undefined ? '' : v === null ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  return keys
    .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map((k) => ({ field: k, before: show(b[k]), after: show(a[k]) }));
}

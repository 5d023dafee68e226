import { describe, expect, it } from 'vitest';
import { auditQuery, changes, checkAuditFilter, emptyAuditFilter, inRange, olderMayMatch, type AuditEvent } from './audit';

const event = (id: number, at: string): AuditEvent => ({ id, at, actor: 'a', action: 'update', entity_type: 'gift', entity_id: 1, before: null, after: null, remote_addr: null });

describe('audit log filters', () => {
  it('sends entity, actor and action; leaves out empty ones', () => {
    expect(auditQuery({ ...emptyAuditFilter, entityType: ' gift ', actor: 'kim' }, 90)).toEqual({ entity_type: 'gift', entity_id: '', actor: 'kim', action: '', from: '', to: '', after: 90, limit: 50 });
    expect(auditQuery({ ...emptyAuditFilter, from: '2026-03-01', to: '2026-03-31' }, null)).toMatchObject({ from: '2026-03-01', to: '2026-03-31' });
  });
  it('checks the id and the range', () => {
    expect(checkAuditFilter({ ...emptyAuditFilter, entityId: '1a', from: '2026-03-02', to: '2026-03-01' })).toEqual({ entity_id: 'audit.entityIdInvalid', to: 'audit.rangeInvalid' });
    expect(checkAuditFilter({ ...emptyAuditFilter, entityId: '12' })).toEqual({});
  });
  it('filters by day and stops paging before the start', () => {
    const f = { ...emptyAuditFilter, from: '2026-03-01', to: '2026-03-31' };
    expect(inRange(event(1, '2026-03-31T23:59:59Z'), f)).toBe(true);
    expect(inRange(event(1, '2026-04-01T00:00:00Z'), f)).toBe(false);
    expect(olderMayMatch([event(2, '2026-03-05T00:00:00Z'), event(1, '2026-02-20T00:00:00Z')], f)).toBe(false);
    expect(olderMayMatch([event(2, '2026-03-05T00:00:00Z')], f)).toBe(true);
  });
  it('lists the fields that changed', () => {
    expect(changes({ name: '김', notes: null, version: 1 }, { name: '김영희', notes: null, version: 2 })).toEqual([{ field: 'name', before: '김', after: '김영희' }]);
    expect(changes(null, { code: 'X' })).toEqual([{ field: 'code', before: '', after: 'X' }]);
  });
});

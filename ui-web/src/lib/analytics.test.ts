import { describe, expect, it } from 'vitest';
import { cellText } from './reports';
import { analyticsSeries, checkDraft, decodeDraft, defaultDraft, encodeDraft, formKeyOf, move, newFilter, queryBody, readSaved, type AnalyticsAnswer, type AnalyticsDraft } from './analytics';

const draft = (over: Partial<AnalyticsDraft> = {}): AnalyticsDraft => ({ ...defaultDraft, ...over });

describe('analytics draft checks', () => {
  it('needs a measure, at most four dimensions, real dates in order', () => {
    expect(checkDraft(draft(), 'USD')).toEqual({});
    expect(checkDraft(draft({ measures: [] }), 'USD')).toEqual({ measures: 'measures' });
    expect(checkDraft(draft({ dimensions: ['period', 'fund', 'campaign', 'appeal', 'method'] }), 'USD').dimensions).toBe('dimensions');
    expect(checkDraft(draft({ from: '2025-02-30' }), 'USD').from).toBe('date');
    expect(checkDraft(draft({ from: '2025-06-01', to: '2025-01-01' }), 'USD').to).toBe('order');
    expect(checkDraft(draft({ limit: '0' }), 'USD').limit).toBe('limit');
    expect(checkDraft(draft({ limit: '10001' }), 'USD').limit).toBe('limit');
    expect(checkDraft(draft({ limit: '100' }), 'USD')).toEqual({});
  });
  it('checks each filter by its field', () => {
    const f = (field: string, op: string, values: string[]) => checkDraft(draft({ filters: [{ field, op, values }] }), 'USD')['filters.0'];
    expect(f('fund', 'in', [])).toBe('value');
    expect(f('fund', 'in', ['1', '2'])).toBeUndefined();
    expect(f('fund', '=', ['1', '2'])).toBe('value');
    expect(f('fund', '=', ['x'])).toBe('integer');
    expect(f('amount', '>=', ['1,000.50'])).toBeUndefined();
    expect(f('amount', '>=', ['12.345'])).toBe('amount');
    expect(f('amount', '>', ['0'])).toBeUndefined();
    expect(f('region', 'in', ['서울', 'Busan'])).toBeUndefined();
    expect(checkDraft(draft({ filters: [{ field: 'amount', op: '>=', values: ['10.5'] }] }), 'KRW')['filters.0']).toBe('amount');
  });
});

describe('analytics request body', () => {
  it('leaves out empty parts and sends grain only with a period', () => {
    expect(queryBody(draft({ dimensions: [] }), 'USD')).toEqual({ measures: ['amount', 'gift_count'] });
    expect(queryBody(draft({ from: '2025-01-01', to: '2025-12-31', limit: '50', grain: 'quarter' }), 'USD')).toEqual({
      measures: ['amount', 'gift_count'],
      dimensions: ['period'],
      grain: 'quarter',
      from: '2025-01-01',
      to: '2025-12-31',
      limit: 50,
    });
  });
  it('turns filters into ids, text and exact minor units', () => {
    const body = queryBody(
      draft({
        filters: [
          { field: 'fund', op: 'in', values: ['3', '5'] },
          { field: 'amount', op: '>=', values: ['1,000.50'] },
          { field: 'region', op: '=', values: ['서울'] },
          { field: 'amount', op: '<', values: ['50000'] },
        ],
      }),
      'USD',
    );
    expect(body.filters).toEqual([
      { field: 'fund', op: 'in', values: [3, 5] },
      { field: 'amount', op: '>=', value: 100050 },
      { field: 'region', op: '=', value: '서울' },
      { field: 'amount', op: '<', value: 5000000 },
    ]);
    expect(queryBody(draft({ filters: [{ field: 'amount', op: '>=', values: ['50000'] }] }), 'KRW').filters).toEqual([{ field: 'amount', op: '>=', value: 50000 }]);
  });
  it('starts a filter with an operator its field takes', () => {
    expect(newFilter('amount').op).toBe('=');
    expect(newFilter('method').op).toBe('in');
  });
});

describe('analytics errors and address', () => {
  it('puts a server error next to the field at fault', () => {
    expect(formKeyOf('measures[1]')).toBe('measures');
    expect(formKeyOf('dimensions')).toBe('dimensions');
    expect(formKeyOf('filters[2].values[0]')).toBe('filters.2');
    expect(formKeyOf('filters[0].op')).toBe('filters.0');
    expect(formKeyOf('to')).toBe('to');
    expect(formKeyOf('grain')).toBe('dimensions');
    expect(formKeyOf('sort[0].field')).toBe('form');
    expect(formKeyOf('')).toBe('form');
  });
  it('reads back what it wrote and survives a bad address', () => {
    const d = draft({ measures: ['median'], dimensions: ['fund', 'period'], filters: [{ field: 'region', op: 'in', values: ['서울'] }] });
    expect(decodeDraft(encodeDraft(d))).toEqual(d);
    expect(decodeDraft('{not json')).toEqual(defaultDraft);
    expect(decodeDraft(null)).toEqual(defaultDraft);
    expect(decodeDraft('{"measures":["profit","amount"],"grain":"week"}').measures).toEqual(['amount']);
    expect(decodeDraft('{"grain":"week"}').grain).toBe('month');
  });
  it('moves a dimension', () => {
    expect(move(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(move(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
  });
});

describe('analytics chart', () => {
  const money = (minor: number) => ({ minor, currency: 'USD', amount: (minor / 100).toFixed(2) });
  const label = (c: { name: string }) => c.name;
  const show = (none: string, locale: string) => (v: Parameters<typeof cellText>[0], c: { type: Parameters<typeof cellText>[1] }) => {
    const s = cellText(v, c.type, locale);
    return s === '(none)' ? none : s;
  };
  it('one series without a second dimension', () => {
    const answer: AnalyticsAnswer = {
      columns: [
        { name: 'period', label: 'period (month)', type: 'text' },
        { name: 'amount', label: 'amount', type: 'money' },
        { name: 'gift_count', label: 'gift_count', type: 'integer' },
      ],
      rows: [
        ['2025-01', money(1050), 2],
        ['2025-02', money(300), 1],
      ],
      chart: { kind: 'line', x: 'period', y: ['amount'] },
      from: '2025-01-01',
      to: '2025-02-28',
      groups: 2,
      truncated: false,
    };
    expect(analyticsSeries(answer, 'amount', 'line', label, show('(none)', 'en-US'))).toEqual({
      kind: 'line',
      labels: ['2025-01', '2025-02'],
      datasets: [{ label: 'amount', data: [10.5, 3] }],
      currency: 'USD',
    });
    expect(analyticsSeries(answer, 'gift_count', 'bar', label, show('(none)', 'en-US'))!.datasets[0].data).toEqual([2, 1]);
    expect(analyticsSeries({ ...answer, rows: [] }, 'amount', 'bar', label, show('-', 'en-US'))).toBeNull();
  });
  it('a series per value of the second dimension, largest first, gaps as zero', () => {
    const answer: AnalyticsAnswer = {
      columns: [
        { name: 'period', label: 'period (year)', type: 'text' },
        { name: 'fund', label: 'fund', type: 'text' },
        { name: 'amount', label: 'amount', type: 'money' },
      ],
      rows: [
        ['2024', '일반', money(100)],
        ['2024', '(none)', money(5000)],
        ['2025', '일반', money(200)],
      ],
      chart: null,
      from: '2024-01-01',
      to: '2025-12-31',
      groups: 3,
      truncated: false,
    };
    const s = analyticsSeries(answer, 'amount', 'bar', label, show('없음', 'ko-KR'))!;
    expect(s.labels).toEqual(['2024', '2025']);
    expect(s.datasets).toEqual([
      { label: '없음', data: [50, 0] },
      { label: '일반', data: [1, 2] },
    ]);
  });
});

describe('queries saved in this browser (before the server kept them)', () => {
  it('reads them and survives bad storage', () => {
    const list = [
      { name: '연도별 기금', q: '{"a":3}' },
      { name: 'Median by method', q: '{"b":2}' },
    ];
    expect(readSaved(null)).toEqual([]);
    expect(readSaved(JSON.stringify(list))).toEqual(list);
    expect(readSaved('{bad')).toEqual([]);
    expect(readSaved('[{"name":1}]')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { cellText, chartSeries, checkParams, initialValues, runBody, sortReportRows, type ParamSpec, type ReportResult } from './reports';

const specs: ParamSpec[] = [
  { name: 'from', label: 'From', type: 'date', required: false, default: null },
  { name: 'limit', label: 'How many', type: 'integer', required: true, default: 25 },
  { name: 'grain', label: 'Period', type: 'text', required: false, default: 'month', choices: ['month', 'year'] },
  { name: 'soft', label: 'Soft credits', type: 'boolean', required: false, default: false },
  { name: 'min', label: 'Minimum', type: 'money', required: false, default: { minor: 1000, currency: 'USD', amount: '10.00' } },
  { name: 'share', label: 'Share', type: 'number', required: false, default: null },
];

describe('reports', () => {
  it('starts the form from the declared defaults', () => {
    expect(initialValues(specs)).toEqual({ from: '', limit: '25', grain: 'month', soft: 'false', min: '10.00 USD', share: '' });
  });
  it('checks types, choices and required values before a run', () => {
    expect(checkParams(specs, initialValues(specs))).toEqual({});
    expect(checkParams(specs, { from: '2026-02-30', limit: '', grain: 'week', soft: 'true', min: 'ten', share: '1.5.2' })).toEqual({
      from: 'date',
      limit: 'required',
      grain: 'choice',
      min: 'money',
      share: 'number',
    });
    expect(checkParams(specs, { from: '2026-02-28', limit: '2.5', grain: 'year', soft: 'false', min: '10', share: '-.5' })).toEqual({ limit: 'integer' });
  });
  it('sends the values given, booleans as booleans, empty ones left to the report', () => {
    expect(runBody(specs, { from: '', limit: '10', grain: 'year', soft: 'true', min: '', share: '' })).toEqual({
      parameters: { limit: '10', grain: 'year', soft: true },
    });
  });
  it('formats money, dates and numbers in the locale', () => {
    expect(cellText({ minor: 1400000, currency: 'USD', amount: '14000.00' }, 'money', 'en-US')).toBe('$14,000.00');
    expect(cellText({ minor: 50000, currency: 'KRW', amount: '50000' }, 'money', 'ko-KR')).toBe('₩50,000');
    expect(cellText('2026-03-05', 'date', 'ko-KR')).toBe('2026. 3. 5.');
    expect(cellText(1234.5, 'number', 'en-US')).toBe('1,234.5');
    expect(cellText(null, 'text')).toBe('');
  });
  it('sorts by money amount, numbers and Hangul/Latin text, empty cells last', () => {
    const rows = [
      ['임재현', { minor: 500, currency: 'USD', amount: '5.00' }, 3],
      ['Anna', null, 10],
      ['김민지', { minor: 20000, currency: 'USD', amount: '200.00' }, 2],
    ];
    expect(sortReportRows(rows, 1, true).map((r) => r[0])).toEqual(['김민지', '임재현', 'Anna']);
    expect(sortReportRows(rows, 1, false).map((r) => r[0])).toEqual(['임재현', '김민지', 'Anna']);
    expect(sortReportRows(rows, 2, false).map((r) => r[0])).toEqual(['김민지', '임재현', 'Anna']);
    expect(sortReportRows(rows, 0, false).map((r) => r[0])).toEqual(['김민지', '임재현', 'Anna']);
  });
  it('builds the chart series from the hint, money in major units', () => {
    const result: ReportResult = {
      report: 'r',
      name: 'Top donors',
      parameters: {},
      columns: [
        { name: 'name', label: 'Name', type: 'text' },
        { name: 'total', label: 'Total', type: 'money' },
      ],
      rows: [
        ['임재현', { minor: 1400000, currency: 'USD', amount: '14000.00' }],
        ['Anna', { minor: 250, currency: 'USD', amount: '2.50' }],
      ],
      chart: { kind: 'bar', x: 'name', y: ['total'] },
    };
    expect(chartSeries(result)).toEqual({ kind: 'bar', labels: ['임재현', 'Anna'], datasets: [{ label: 'Total', data: [14000, 2.5] }], currency: 'USD' });
    expect(chartSeries({ ...result, chart: { kind: 'bar', x: 'nope', y: ['total'] } })).toBeNull();
    expect(chartSeries({ ...result, chart: null })).toBeNull();
  });
});

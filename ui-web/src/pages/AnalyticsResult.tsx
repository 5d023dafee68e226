// An analytics answer: the window it covers, the row-limit message, a line or bar chart of one
// measure (by the first dimension; a series per value of the second), and the table (money in
// its currency; click a heading to sort, again to reverse).
import { lazy, Suspense, useMemo, useState } from 'react';
import { SortableHead, type TableSort } from '../components/SortableHead';
import { Empty, Loading } from '../components/States';
import { useI18n } from '../i18n/i18n';
import { analyticsSeries, choiceValues, measureNames, type AnalyticsAnswer } from '../lib/analytics';
import { formatDate } from '../lib/format';
import { cellText, sortReportRows, type Cell, type ReportColumn } from '../lib/reports';

const ReportChart = lazy(() => import('../components/ReportChart').then((m) => ({ default: m.ReportChart })));

export function AnalyticsResult({ answer }: { answer: AnalyticsAnswer }) {
  const { t, tx, locale } = useI18n();
  const [sort, setSort] = useState<TableSort>(null);
  const measures = answer.columns.filter((c) => (measureNames as readonly string[]).includes(c.name));
  const [measure, setMeasure] = useState(measures[0]?.name ?? '');
  const [kind, setKind] = useState<'line' | 'bar'>(answer.chart?.kind === 'line' ? 'line' : 'bar');
  const label = (c: ReportColumn) => {
    if ((measureNames as readonly string[]).includes(c.name)) return tx(`analytics.measure.${c.name}`);
    if (c.name === 'period') {
      const grain = /\(([a-z_]+)\)/.exec(c.label)?.[1];
      return grain ? `${t('analytics.dimension.period')} (${tx(`analytics.grain.${grain}`)})` : t('analytics.dimension.period');
    }
    return tx(`analytics.dimension.${c.name}`);
  };
  const none = t('analytics.none');
  const rows = useMemo(() => (sort ? sortReportRows(answer.rows, sort.column, sort.descending) : answer.rows), [answer.rows, sort]);
  // Kinds and payment methods in the page's language; other names as they are stored.
  const show = (v: Cell, column: ReportColumn) => {
    const s = typeof v === 'boolean' ? (v ? t('common.yes') : t('common.no')) : cellText(v, column.type, locale);
    if (s === '(none)') return none;
    if (typeof v === 'string' && choiceValues[column.name]?.includes(v)) return tx(`${column.name}.${v}`);
    return s;
  };
  const series = useMemo(() => (measure ? analyticsSeries(answer, measure, kind, label, show) : null), [answer, measure, kind, locale, none]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <section className="card" aria-labelledby="analytics-result">
      <h2 id="analytics-result">{t('analytics.result')}</h2>
      <p className="muted" role="status">
        {t('analytics.window', { from: formatDate(answer.from, locale), to: formatDate(answer.to, locale), count: answer.rows.length })}
      </p>
      {answer.truncated && (
        <p className="form-error" role="alert">
          {t('analytics.truncated', { shown: answer.rows.length, groups: answer.groups })}
        </p>
      )}
      {answer.rows.length === 0 ? (
        <Empty>{t('analytics.noRows')}</Empty>
      ) : (
        <>
          {measures.length > 0 && answer.columns.length > measures.length && (
            <div className="actions">
              <div className="field">
                <label htmlFor="an-chart-measure">{t('analytics.chartMeasure')}</label>
                <select id="an-chart-measure" value={measure} onChange={(e) => setMeasure(e.target.value)}>
                  {measures.map((c) => (
                    <option key={c.name} value={c.name}>
                      {label(c)}
                    </option>
                  ))}
                </select>
              </div>
              <fieldset className="radio-row">
                <legend>{t('analytics.chartKind')}</legend>
                <label>
                  <input type="radio" name="an-chart-kind" checked={kind === 'line'} onChange={() => setKind('line')} /> {t('analytics.line')}
                </label>
                <label>
                  <input type="radio" name="an-chart-kind" checked={kind === 'bar'} onChange={() => setKind('bar')} /> {t('analytics.bar')}
                </label>
              </fieldset>
            </div>
          )}
          {series && (
            <Suspense fallback={<Loading />}>
              <ReportChart key={`${kind}-${measure}`} series={series} title={t('analytics.chartOf', { name: tx(`analytics.measure.${measure}`) })} />
            </Suspense>
          )}
          <div className="table-wrap">
            <table className="table" data-testid="analytics-table">
              <SortableHead columns={answer.columns} sort={sort} onSort={setSort} label={label} />
              <tbody>
                {rows.map((r, ri) => (
                  <tr key={ri}>
                    {r.map((v, ci) => {
                      const column = answer.columns[ci] ?? { name: '', label: '', type: 'text' as const };
                      const numeric = column.type === 'money' || column.type === 'integer' || column.type === 'number';
                      return (
                        <td key={ci} className={numeric ? 'numeric' : undefined}>
                          {show(v, column)}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

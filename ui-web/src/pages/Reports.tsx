// Reports (/reports; admin, fundraiser, analyst): the installed report plugins; choosing one
// shows a form built from its declared parameters, Run shows the typed table (sortable) and the
// chart the report suggests, and the same run downloads as CSV or XLSX.
import { lazy, Suspense, useMemo, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ApiError, apiPath, errorMessage, get, post, postDownload } from '../api/client';
import { FormError, SelectField, TextField } from '../components/Field';
import { SortableHead, type TableSort } from '../components/SortableHead';
import { Empty, Loaded, Loading } from '../components/States';
import { en } from '../i18n/en';
import { useI18n } from '../i18n/i18n';
import { useLoad } from '../lib/hooks';
import { cellText, chartSeries, checkParams, initialValues, runBody, sortReportRows, type ParamSpec, type ParamValues, type ReportInfo, type ReportResult } from '../lib/reports';
import { canExport, useSession } from '../session/session';

const ReportChart = lazy(() => import('../components/ReportChart').then((m) => ({ default: m.ReportChart })));

export function ReportsPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const chosen = params.get('report') ?? '';
  const [load, retry] = useLoad((signal) => get<{ items: ReportInfo[] }>(apiPath('/reports'), signal), []);
  return (
    <>
      <div className="page-header">
        <h1>{t('reports.title')}</h1>
      </div>
      <Loaded load={load} retry={retry}>
        {({ items }) => {
          const usable = items.filter((r) => r.enabled);
          if (usable.length === 0) return <Empty>{t('reports.none')}</Empty>;
          return (
            <>
              <div className="card">
                <SelectField
                  label={t('reports.choose')}
                  value={chosen}
                  onChange={(e) => setParams(e.target.value ? { report: e.target.value } : {}, { replace: true })}
                >
                  <option value="">{t('reports.pick')}</option>
                  {usable.map((r) => (
                    <option key={r.id} value={r.id}>
                      {r.name}
                    </option>
                  ))}
                </SelectField>
              </div>
              {chosen && <ReportRunner key={chosen} id={chosen} />}
            </>
          );
        }}
      </Loaded>
    </>
  );
}

function ReportRunner({ id }: { id: string }) {
  const [load, retry] = useLoad((signal) => get<{ id: string; parameters: ParamSpec[] }>(apiPath(`/reports/${encodeURIComponent(id)}`), signal), [id]);
  return <Loaded load={load} retry={retry}>{({ parameters }) => <ReportForm id={id} specs={parameters} />}</Loaded>;
}

function problemText(t: ReturnType<typeof useI18n>['t'], problem: string): string {
  switch (problem) {
    case 'required':
      return t('reports.required');
    case 'integer':
      return t('reports.integer');
    case 'number':
      return t('reports.number');
    case 'date':
      return t('reports.date');
    case 'money':
      return t('reports.money');
    default:
      return t('reports.choice');
  }
}

function ReportForm({ id, specs }: { id: string; specs: ParamSpec[] }) {
  const { t, tx, language } = useI18n();
  const session = useSession();
  // The plugin's own label in English; the dictionary's Korean for the parameters it knows.
  const paramLabel = (s: ParamSpec) => (language !== 'en' && `reportParam.${s.name}` in en ? tx(`reportParam.${s.name}`) : s.label || s.name);
  const [values, setValues] = useState<ParamValues>(() => initialValues(specs));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState<'' | 'run' | 'csv' | 'xlsx'>('');
  const [result, setResult] = useState<ReportResult | null>(null);

  function check(): boolean {
    const problems = checkParams(specs, values);
    const texts: Record<string, string> = {};
    for (const [k, v] of Object.entries(problems)) texts[k] = problemText(t, v);
    setErrors(texts);
    setError('');
    const first = specs.find((s) => texts[s.name]);
    if (first) document.querySelector<HTMLElement>(`[name="param-${first.name}"]`)?.focus();
    return !first;
  }
  function serverError(err: unknown) {
    if (err instanceof ApiError && err.errors.length > 0) {
      const texts: Record<string, string> = {};
      for (const e of err.errors) texts[e.field.replace(/^parameters\./, '')] = e.message;
      setErrors(texts);
      if (!specs.some((s) => texts[s.name])) setError(errorMessage(err));
    } else setError(errorMessage(err));
  }
  async function run(e: FormEvent) {
    e.preventDefault();
    if (!check()) return;
    setBusy('run');
    try {
      setResult(await post<ReportResult>(apiPath(`/reports/${encodeURIComponent(id)}/run`), runBody(specs, values)));
    } catch (err) {
      serverError(err);
    } finally {
      setBusy('');
    }
  }
  async function download(format: 'csv' | 'xlsx') {
    if (!check()) return;
    setBusy(format);
    try {
      const { blob, fileName } = await postDownload(apiPath(`/reports/${encodeURIComponent(id)}/run`, { format }), runBody(specs, values));
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    } catch (err) {
      serverError(err);
    } finally {
      setBusy('');
    }
  }
  const set = (name: string, value: string) => setValues((v) => ({ ...v, [name]: value }));
  return (
    <>
      <form className="card" onSubmit={run} noValidate aria-label={t('reports.parameters')}>
        <h2>{t('reports.parameters')}</h2>
        {specs.length === 0 && <p className="muted">{t('reports.noParameters')}</p>}
        <div className="grid grid-2">
          {specs.map((s) => {
            const label = `${paramLabel(s)}${s.required ? ' *' : ''}`;
            const common = { name: `param-${s.name}`, label, error: errors[s.name], value: values[s.name] ?? '' };
            if (s.type === 'boolean')
              return (
                <SelectField key={s.name} {...common} onChange={(e) => set(s.name, e.target.value)}>
                  <option value="true">{t('common.yes')}</option>
                  <option value="false">{t('common.no')}</option>
                </SelectField>
              );
            if (s.choices && s.choices.length > 0)
              return (
                <SelectField key={s.name} {...common} onChange={(e) => set(s.name, e.target.value)}>
                  {!s.required && <option value="">{t('reports.default')}</option>}
                  {s.choices.map((c) => (
                    <option key={c} value={c}>
                      {tx(`reportChoice.${c}`)}
                    </option>
                  ))}
                </SelectField>
              );
            return (
              <TextField
                key={s.name}
                {...common}
                type={s.type === 'date' ? 'date' : 'text'}
                inputMode={s.type === 'integer' || s.type === 'number' || s.type === 'money' ? 'decimal' : undefined}
                hint={s.type === 'money' ? t('reports.moneyHint') : undefined}
                onChange={(e) => set(s.name, e.target.value)}
              />
            );
          })}
        </div>
        <FormError message={error} />
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={busy !== ''}>
            {busy === 'run' ? t('reports.running') : t('reports.run')}
          </button>
          {canExport(session.user) && (
            <>
              <button type="button" className="button" disabled={busy !== ''} onClick={() => void download('csv')}>
                {t('reports.csv')}
              </button>
              <button type="button" className="button" disabled={busy !== ''} onClick={() => void download('xlsx')}>
                {t('reports.xlsx')}
              </button>
            </>
          )}
        </div>
      </form>
      {busy === 'run' && !result && <Loading />}
      {result && <ReportTable result={result} />}
    </>
  );
}

function ReportTable({ result }: { result: ReportResult }) {
  const { t, locale } = useI18n();
  const [sort, setSort] = useState<TableSort>(null);
  const rows = useMemo(() => (sort ? sortReportRows(result.rows, sort.column, sort.descending) : result.rows), [result.rows, sort]);
  const series = useMemo(() => chartSeries(result, locale), [result, locale]);
  const show = (v: ReportResult['rows'][number][number], type: string) =>
    typeof v === 'boolean' ? (v ? t('common.yes') : t('common.no')) : cellText(v, type as never, locale);
  return (
    <section className="card" aria-labelledby="report-result">
      <h2 id="report-result">{result.name}</h2>
      <p className="muted" role="status">
        {t('reports.rows', { count: result.rows.length })}
      </p>
      {series && result.rows.length > 0 && (
        <Suspense fallback={<Loading />}>
          <ReportChart series={series} title={t('reports.chartOf', { name: result.name })} />
        </Suspense>
      )}
      {result.rows.length === 0 ? (
        <Empty>{t('reports.noRows')}</Empty>
      ) : (
        <table className="table" data-testid="report-table">
          <SortableHead columns={result.columns} sort={sort} onSort={setSort} label={(c) => c.label || c.name} />
          <tbody>
            {rows.map((r, ri) => (
              <tr key={ri}>
                {r.map((v, ci) => {
                  const type = result.columns[ci]?.type ?? 'text';
                  const numeric = type === 'money' || type === 'integer' || type === 'number';
                  return (
                    <td key={ci} className={numeric ? 'numeric' : undefined}>
                      {show(v, type)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

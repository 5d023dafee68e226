// The analytics explorer (/analytics; admin, fundraiser, analyst): measures, dimensions, grain,
// dates and filters over POST /api/v1/analytics/query; the answer as a sortable table (money in
// its currency) and a line or bar chart; CSV/XLSX downloads of the same query. The query is kept
// in the address (?q=), so Back returns to it and "Copy link" shares it; saved queries are kept
// on the server (AnalyticsSaved.tsx). Logic: lib/analytics.ts.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ApiError, apiPath, errorMessage, get, post, postDownload } from '../api/client';
import { getAllPages } from '../api/pages';
import type { Settings } from '../api/types';
import { FormError, TextField } from '../components/Field';
import { Loading } from '../components/States';
import { useI18n } from '../i18n/i18n';
import { checkDraft, decodeDraft, dimensionNames, encodeDraft, formKeyOf, grainNames, maxDimensions, measureNames, move, newFilter, queryBody, type AnalyticsAnswer, type AnalyticsDraft, type DraftProblem } from '../lib/analytics';
import { canExport, useSession } from '../session/session';
import { AnalyticsResult } from './AnalyticsResult';
import { FilterRows, type Options } from './AnalyticsFilters';
import { saveDownload } from '../lib/download';
import { SavedQueries } from './AnalyticsSaved';

export function AnalyticsPage() {
  const { t, tx } = useI18n();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const [draft, setDraft] = useState<AnalyticsDraft>(() => decodeDraft(params.get('q')));
  const [currency, setCurrency] = useState('USD');
  const [options, setOptions] = useState<Options>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState<'' | 'run' | 'csv' | 'xlsx'>('');
  const [answer, setAnswer] = useState<AnalyticsAnswer | null>(null);
  const [copied, setCopied] = useState(false);
  const ran = useRef(false);

  // The base currency (amount filters) and the names offered for id filters; a list that
  // cannot be read leaves its filter as typed numbers.
  useEffect(() => {
    const controller = new AbortController();
    const signal = controller.signal;
    get<Settings>(apiPath('/settings'), signal).then((s) => s.base_currency && setCurrency(s.base_currency), () => undefined);
    const lists: [keyof Options, string][] = [
      ['fund', '/funds'],
      ['campaign', '/campaigns'],
      ['tag', '/tags'],
      ['segment', '/segments'],
    ];
    for (const [field, path] of lists)
      getAllPages<{ id: number; name: string }>(path, {}, signal, 4).then(
        (items) => !signal.aborted && setOptions((o) => ({ ...o, [field]: items.map((i) => ({ id: i.id, name: i.name })) })),
        () => undefined,
      );
    return () => controller.abort();
  }, []);

  function problemText(p: DraftProblem): string {
    return tx(`analytics.problem.${p}`, { max: maxDimensions });
  }

  function check(d: AnalyticsDraft): boolean {
    const problems = checkDraft(d, currency);
    const texts: Record<string, string> = {};
    for (const [k, p] of Object.entries(problems)) texts[k] = problemText(p);
    setErrors(texts);
    setError('');
    const first = Object.keys(texts)[0];
    if (first) document.querySelector<HTMLElement>(`[data-key="${first}"] input, [data-key="${first}"] select, [data-key="${first}"]`)?.focus();
    return !first;
  }

  function serverError(err: unknown) {
    if (err instanceof ApiError && err.errors.length > 0) {
      const texts: Record<string, string> = {};
      for (const e of err.errors) {
        const key = formKeyOf(e.field);
        if (key !== 'form') texts[key] = e.message;
      }
      setErrors(texts);
      setError(Object.keys(texts).length === 0 ? errorMessage(err) : '');
    } else setError(errorMessage(err));
  }

  async function run(d: AnalyticsDraft) {
    if (!check(d)) return;
    setParams({ q: encodeDraft(d) }, { replace: true });
    setBusy('run');
    try {
      setAnswer(await post<AnalyticsAnswer>(apiPath('/analytics/query'), queryBody(d, currency)));
    } catch (err) {
      setAnswer(null);
      serverError(err);
    } finally {
      setBusy('');
    }
  }

  // A shared link runs its query when opened.
  useEffect(() => {
    if (!ran.current && params.get('q')) {
      ran.current = true;
      void run(draft);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  async function download(format: 'csv' | 'xlsx') {
    if (!check(draft)) return;
    setBusy(format);
    try {
      saveDownload(await postDownload(apiPath('/analytics/query', { format }), queryBody(draft, currency)));
    } catch (err) {
      serverError(err);
    } finally {
      setBusy('');
    }
  }

  async function copyLink() {
    setParams({ q: encodeDraft(draft) }, { replace: true });
    const url = `${window.location.origin}/analytics?q=${encodeURIComponent(encodeDraft(draft))}`;
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
      setTimeout(() => setCopied(false), 3000);
    } catch {
      setError(t('analytics.copyFailed'));
    }
  }

  const set = (patch: Partial<AnalyticsDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const toggle = (list: string[], name: string) => (list.includes(name) ? list.filter((x) => x !== name) : [...list, name]);

  function submit(e: FormEvent) {
    e.preventDefault();
    void run(draft);
  }

  return (
    <>
      <div className="page-header">
        <h1>{t('analytics.title')}</h1>
      </div>
      <form className="card" onSubmit={submit} noValidate aria-label={t('analytics.query')}>
        <fieldset className={`checkbox-row ${errors.measures ? 'field-invalid' : ''}`} data-key="measures" aria-describedby={errors.measures ? 'an-measures-error' : undefined}>
          <legend>{t('analytics.measures')}</legend>
          {measureNames.map((m) => (
            <label key={m}>
              <input type="checkbox" name={`measure-${m}`} checked={draft.measures.includes(m)} onChange={() => set({ measures: toggle(draft.measures, m) })} /> {tx(`analytics.measure.${m}`)}
            </label>
          ))}
          {errors.measures && (
            <div className="field-error split-row-error" id="an-measures-error" role="alert">
              {errors.measures}
            </div>
          )}
        </fieldset>
        <fieldset className={`checkbox-row ${errors.dimensions ? 'field-invalid' : ''}`} data-key="dimensions" aria-describedby={errors.dimensions ? 'an-dimensions-error' : undefined}>
          <legend>{t('analytics.dimensions')}</legend>
          {dimensionNames.map((d) => (
            <label key={d}>
              <input type="checkbox" name={`dimension-${d}`} checked={draft.dimensions.includes(d)} onChange={() => set({ dimensions: toggle(draft.dimensions, d) })} /> {tx(`analytics.dimension.${d}`)}
            </label>
          ))}
          {errors.dimensions && (
            <div className="field-error split-row-error" id="an-dimensions-error" role="alert">
              {errors.dimensions}
            </div>
          )}
        </fieldset>
        {draft.dimensions.length > 1 && (
          <ol className="analytics-order" aria-label={t('analytics.order')}>
            {draft.dimensions.map((d, i) => (
              <li key={d}>
                {tx(`analytics.dimension.${d}`)}
                <button type="button" className="button button-small button-quiet" disabled={i === 0} onClick={() => set({ dimensions: move(draft.dimensions, i, -1) })} aria-label={t('analytics.moveUp', { name: tx(`analytics.dimension.${d}`) })}>
                  ↑
                </button>
                <button type="button" className="button button-small button-quiet" disabled={i === draft.dimensions.length - 1} onClick={() => set({ dimensions: move(draft.dimensions, i, 1) })} aria-label={t('analytics.moveDown', { name: tx(`analytics.dimension.${d}`) })}>
                  ↓
                </button>
              </li>
            ))}
          </ol>
        )}
        <div className="grid grid-3">
          {draft.dimensions.includes('period') && (
            <div className="field">
              <label htmlFor="an-grain">{t('analytics.grain')}</label>
              <select id="an-grain" name="grain" value={draft.grain} onChange={(e) => set({ grain: e.target.value })}>
                {grainNames.map((g) => (
                  <option key={g} value={g}>
                    {tx(`analytics.grain.${g}`)}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div data-key="from">
            <TextField label={t('analytics.from')} name="from" type="date" value={draft.from} error={errors.from} hint={t('analytics.fromHint')} onChange={(e) => set({ from: e.target.value })} />
          </div>
          <div data-key="to">
            <TextField label={t('analytics.to')} name="to" type="date" value={draft.to} error={errors.to} hint={t('analytics.toHint')} onChange={(e) => set({ to: e.target.value })} />
          </div>
          <div data-key="limit">
            <TextField label={t('analytics.limit')} name="limit" inputMode="numeric" value={draft.limit} error={errors.limit} hint={t('analytics.limitHint')} onChange={(e) => set({ limit: e.target.value })} />
          </div>
        </div>
        <FilterRows filters={draft.filters} options={options} currency={currency} errors={errors} onChange={(filters) => set({ filters })} />
        <div className="actions">
          <button type="button" className="button button-small" onClick={() => set({ filters: [...draft.filters, newFilter()] })}>
            {t('analytics.addFilter')}
          </button>
        </div>
        <SavedQueries
          query={() => (check(draft) ? queryBody(draft, currency) : null)}
          currency={currency}
          onOpen={(d) => {
            setDraft(d);
            void run(d);
          }}
        />
        <FormError message={error} />
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={busy !== ''}>
            {busy === 'run' ? t('analytics.running') : t('analytics.run')}
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
          <button type="button" className="button button-quiet" onClick={() => void copyLink()}>
            {t('analytics.copyLink')}
          </button>
          <span role="status" className="muted">
            {copied ? t('analytics.copied') : ''}
          </span>
        </div>
      </form>
      {busy === 'run' && !answer && <Loading />}
      {answer && <AnalyticsResult answer={answer} />}
    </>
  );
}

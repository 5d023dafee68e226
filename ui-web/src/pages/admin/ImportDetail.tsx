// One import (/admin/imports/:id): the importer that read it, counts per outcome with sample
// rows (line numbers and reasons), Commit with a live progress bar (the commit runs as a
// background job; the page polls the import), the totals, and the review queue.
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { apiPath, errorMessage, get, post } from '../../api/client';
import { FormError } from '../../components/Field';
import { Loaded } from '../../components/States';
import { useI18n } from '../../i18n/i18n';
import { formatInstant, formatNumber } from '../../lib/format';
import { useLoad } from '../../lib/hooks';
import { commitProgress, isFinished, outcomeCounts, widthClass, type ImportRecord, type ProgressSample } from '../../lib/imports';
import { ReviewQueue } from './ImportReview';

const pollMs = 400;

export function ImportDetailPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const [load, retry] = useLoad((signal) => get<ImportRecord>(apiPath(`/imports/${id}`), signal), [id], { quiet: true });
  return (
    <>
      <p>
        <Link to="/admin/imports">{t('imports.back')}</Link>
      </p>
      <Loaded load={load} retry={retry}>
        {(record) => <ImportView record={record} reload={retry} />}
      </Loaded>
    </>
  );
}

function ImportView({ record, reload }: { record: ImportRecord; reload(): void }) {
  const { t, tx } = useI18n();
  const counts = outcomeCounts(record.counts);
  const canCommit = record.status === 'previewed' || record.status === 'committing';
  return (
    <>
      <div className="page-header">
        <h1>{t('imports.heading', { id: record.id, file: record.file_name })}</h1>
        <span className={`tag ${record.status === 'committed' ? 'tag-ok' : record.status === 'failed' ? 'tag-warn' : ''}`} data-testid="import-status">
          {tx(`importStatus.${record.status}`)}
        </span>
      </div>
      <p className="muted" data-testid="import-plugin">
        {t('imports.readBy', { plugin: record.plugin_id || '—' })} · {tx(`importPolicy.${record.policy?.donors ?? 'create'}`)} · {formatInstant(record.created_at)} · {record.created_by}
      </p>
      {record.error && <p className="form-error">{record.error}</p>}
      <section className="card" aria-labelledby="import-outcomes">
        <h2 id="import-outcomes">{t('imports.preview')}</h2>
        {counts.length === 0 ? (
          <p className="muted">{t('imports.noRows')}</p>
        ) : (
          <dl className="stats" data-testid="import-counts">
            {counts.map((c) => (
              <div key={c.outcome}>
                <dt>{tx(`importOutcome.${c.outcome}`)}</dt>
                <dd>{formatNumber(c.count)}</dd>
              </div>
            ))}
          </dl>
        )}
        <Samples record={record} />
      </section>
      {canCommit && <CommitPanel record={record} onDone={reload} />}
      {record.status === 'committed' && (
        <p role="status" className="notice" data-testid="import-done">
          {t('imports.committed', { rows: formatNumber(record.rows_committed), gifts: formatNumber(record.gifts_created) })}
        </p>
      )}
      {(record.counts?.review ?? 0) > 0 && <ReviewQueue importId={record.id} committed={record.status === 'committed'} onChanged={reload} />}
    </>
  );
}

function Samples({ record }: { record: ImportRecord }) {
  const { t, tx } = useI18n();
  const groups = outcomeCounts(record.counts).filter((c) => (record.samples?.[c.outcome]?.length ?? 0) > 0);
  if (groups.length === 0) return null;
  return (
    <>
      {groups.map(({ outcome }) => (
        <details key={outcome} open={outcome === 'error' || outcome === 'review'}>
          <summary>{t('imports.samplesOf', { outcome: tx(`importOutcome.${outcome}`) })}</summary>
          <table className="table" data-testid={`samples-${outcome}`}>
            <thead>
              <tr>
                <th scope="col" className="numeric nowrap">
                  {t('imports.line')}
                </th>
                <th scope="col">{t('imports.payment')}</th>
                <th scope="col">{t('imports.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {(record.samples?.[outcome] ?? []).map((s) => (
                <tr key={s.seq}>
                  <td className="numeric">{s.line > 0 ? s.line : '—'}</td>
                  <td>
                    {s.summary}
                    {s.create_donor && <span className="tag">{t('imports.newDonor')}</span>}
                  </td>
                  <td>{s.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ))}
    </>
  );
}

// Commit: queue the job, then poll the import until it is committed or failed.
function CommitPanel({ record, onDone }: { record: ImportRecord; onDone(): void }) {
  const { t } = useI18n();
  const [running, setRunning] = useState(false);
  const [current, setCurrent] = useState(record);
  const [error, setError] = useState('');
  const first = useRef<ProgressSample | null>(null);
  const latest = useRef<ProgressSample | null>(null);

  useEffect(() => {
    if (!running) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      try {
        const now = await get<ImportRecord>(apiPath(`/imports/${record.id}`));
        if (stopped) return;
        const sample = { rows: now.rows_committed, at: Date.now() };
        if (!first.current) first.current = sample;
        latest.current = sample;
        setCurrent(now);
        if (isFinished(now.status)) {
          setRunning(false);
          onDone();
          return;
        }
      } catch (err) {
        if (stopped) return;
        setError(errorMessage(err));
      }
      timer = setTimeout(() => void tick(), pollMs);
    };
    void tick();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [running, record.id]);

  async function start() {
    setError('');
    try {
      await post(apiPath(`/imports/${record.id}/commit`, { background: 'true' }));
      first.current = null;
      latest.current = null;
      setRunning(true);
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  const progress = commitProgress(current, first.current, latest.current);
  return (
    <section className="card" aria-labelledby="import-commit">
      <h2 id="import-commit">{t('imports.commitTitle')}</h2>
      {running || current.status === 'committing' ? (
        <>
          <div
            className="meter"
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={progress.percent}
            aria-label={t('imports.progressLabel')}
            data-testid="import-progress"
          >
            <div className={`meter-received ${widthClass(progress.percent)}`} />
          </div>
          <p className="muted" aria-live="polite">
            {t('imports.progress', { percent: progress.percent, done: formatNumber(current.rows_committed), total: formatNumber(current.rows_total) })}
            {progress.rowsPerSecond !== null && ` · ${t('imports.rate', { rate: formatNumber(progress.rowsPerSecond) })}`}
          </p>
          {!running && (
            <button type="button" className="button button-primary" onClick={() => void start()}>
              {t('imports.resume')}
            </button>
          )}
        </>
      ) : (
        <>
          <p className="muted">{t('imports.commitIntro', { rows: formatNumber(current.rows_total) })}</p>
          <button type="button" className="button button-primary" onClick={() => void start()}>
            {t('imports.commit')}
          </button>
        </>
      )}
      <FormError message={error} />
    </section>
  );
}

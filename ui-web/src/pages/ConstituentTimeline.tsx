// The constituent's timeline: gifts, recurring plans, pledges, soft credits, interactions and
// tasks, newest first, with filter chips by kind; an interaction or a task is added from here.
// Interactions and tasks are cursor-paged lists: every page is fetched (api/pages.ts).
import { useMemo, useState } from 'react';
import { apiPath, get } from '../api/client';
import { getAllPages } from '../api/pages';
import type { Interaction, Pledge, RecurringPlan, Task } from '../api/crm';
import type { Gift, Page } from '../api/types';
import { Empty, ErrorState, Loaded } from '../components/States';
import { formatDate, formatMoney } from '../lib/format';
import { useLoad } from '../lib/hooks';
import { useI18n } from '../i18n/i18n';
import { buildTimeline, countByKind, filterTimeline, kindLabel, timelineKinds, type TimelineKind } from '../lib/timeline';
import { canChangeDonors, useSession } from '../session/session';
import { AddInteraction, AddTask } from './TimelineForms';
import { TaskActions } from './TaskActions';

export function ConstituentTimeline({ constituentId }: { constituentId: number }) {
  const session = useSession();
  const { t, tx } = useI18n();
  const [chosen, setChosen] = useState<Set<TimelineKind>>(new Set());
  const [adding, setAdding] = useState<'' | 'interaction' | 'task'>('');
  const [load, reload] = useLoad(
    async (signal) => {
      const id = constituentId;
      const [gifts, plans, pledges, interactions, tasks] = await Promise.all([
        get<Page<Gift>>(apiPath('/gifts', { constituent_id: id, limit: 200 }), signal),
        get<Page<RecurringPlan>>(apiPath('/recurring-plans', { constituent_id: id, limit: 200 }), signal),
        get<Page<Pledge>>(apiPath('/pledges', { constituent_id: id, limit: 200 }), signal),
        getAllPages<Interaction>(`/constituents/${id}/interactions`, { newest_first: 'true' }, signal),
        getAllPages<Task>('/tasks', { constituent_id: id, status: 'all' }, signal),
      ]);
      return buildTimeline({
        constituentId: id,
        gifts: gifts.items,
        softCredited: [],
        plans: plans.items,
        pledges: pledges.items,
        interactions,
        tasks,
      }, tx);
    },
    [constituentId],
  );
  const entries = load.state === 'ready' ? load.data : [];
  const counts = useMemo(() => countByKind(entries), [entries]);
  const shown = filterTimeline(entries, chosen);
  const toggle = (kind: TimelineKind) =>
    setChosen((old) => {
      const next = new Set(old);
      if (next.has(kind)) next.delete(kind);
      else next.add(kind);
      return next;
    });
  const canChange = canChangeDonors(session.user);
  const done = (changed: boolean) => {
    setAdding('');
    if (changed) reload();
  };
  return (
    <section className="card" aria-labelledby="timeline">
      <div className="card-header">
        <h2 id="timeline">{t('timeline.title')}</h2>
        {canChange && (
          <div className="actions">
            <button type="button" className="button button-small" aria-expanded={adding === 'interaction'} onClick={() => setAdding(adding === 'interaction' ? '' : 'interaction')}>
              {t('timeline.addInteraction')}
            </button>
            <button type="button" className="button button-small" aria-expanded={adding === 'task'} onClick={() => setAdding(adding === 'task' ? '' : 'task')}>
              {t('timeline.addTask')}
            </button>
          </div>
        )}
      </div>
      {adding === 'interaction' && <AddInteraction constituentId={constituentId} onDone={done} />}
      {adding === 'task' && <AddTask constituentId={constituentId} onDone={done} />}
      <div className="chips" role="group" aria-label={t('timeline.showOnly')}>
        {timelineKinds
          .filter((kind) => counts[kind] > 0 || chosen.has(kind))
          .map((kind) => (
          <button key={kind} type="button" className="chip" aria-pressed={chosen.has(kind)} onClick={() => toggle(kind)}>
            {kindLabel(kind, tx)} <span className="chip-count">{counts[kind]}</span>
          </button>
        ))}
        {chosen.size > 0 && (
          <button type="button" className="button button-quiet button-small" onClick={() => setChosen(new Set())}>
            {t('timeline.showAll')}
          </button>
        )}
      </div>
      {load.state === 'error' ? (
        <ErrorState error={load.error} retry={reload} />
      ) : (
        <Loaded load={load}>
          {() =>
            shown.length === 0 ? (
              <Empty>{entries.length === 0 ? t('timeline.empty') : t('timeline.noneOfKinds')}</Empty>
            ) : (
              <ol className="timeline" data-testid="timeline">
                {shown.map((e) => (
                  <li key={e.key} className={`timeline-item timeline-${e.kind}`} data-kind={e.kind}>
                    <span className="timeline-day">{e.day ? formatDate(e.day) : t('timeline.noDate')}</span>
                    <span className="timeline-what">
                      <span className="timeline-title" lang={/[\uac00-\ud7a3]/.test(e.title) ? 'ko' : undefined}>
                        {e.title}
                      </span>
                      {e.restricted && <span className="tag tag-warn">{t('common.restricted')}</span>}
                      {e.detail && <span className="muted"> {e.detail}</span>}
                    </span>
                    <span className="timeline-end">
                      {e.amount && <span className="numeric">{formatMoney(e.amount)}</span>}
                      {e.task && canChange && <TaskActions task={e.task} onChanged={reload} />}
                    </span>
                  </li>
                ))}
              </ol>
            )
          }
        </Loaded>
      )}
    </section>
  );
}

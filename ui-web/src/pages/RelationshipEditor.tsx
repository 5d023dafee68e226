// Relationships and household membership on the constituent page: list, add (find the other
// constituent by typing), remove; join, leave or start a household; a household adds and
// removes its members.
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { ApiError, apiPath, del, errorMessage, post } from '../api/client';
import type { Relationship } from '../api/crm';
import type { Constituent, ConstituentDetail } from '../api/types';
import { DonorLookup } from '../components/DonorLookup';
import { FormError, SelectField, TextField } from '../components/Field';
import { Empty } from '../components/States';
import { useI18n } from '../i18n/i18n';
import { relationshipBody, type FormErrors } from '../lib/forms';
import { canChangeDonors, useSession } from '../session/session';

// The server's relationship types, read from this constituent's side ("parent of" the other).
export const relationshipTypes = ['spouse', 'parent_of', 'child_of', 'sibling', 'employee_of', 'employer_of', 'member_of', 'has_member', 'other'];

export function RelationshipsCard({ record, onChanged }: { record: ConstituentDetail; onChanged(): void }) {
  const { t, tx } = useI18n();
  const session = useSession();
  const canEdit = canChangeDonors(session.user);
  const [adding, setAdding] = useState(false);
  const [message, setMessage] = useState('');
  const list = ((record as { relationships?: Relationship[] }).relationships ?? []).filter((r) => !r.ended_on);
  async function remove(r: Relationship) {
    setMessage('');
    try {
      await del(apiPath(`/relationships/${r.id}`));
      onChanged();
    } catch (err) {
      setMessage(errorMessage(err));
    }
  }
  return (
    <section className="card" aria-labelledby="relationships">
      <h2 id="relationships">{t('rel.title')}</h2>
      {list.length === 0 ? (
        <Empty>{t('rel.none')}</Empty>
      ) : (
        <ul className="plain-list" data-testid="relationships">
          {list.map((r) => (
            <li key={r.id} className="contact-row">
              <span>
                <Link to={`/constituents/${r.related_id}`}>{r.related_name}</Link> <span className="muted">{tx(`relType.${r.type}`)}</span>
              </span>
              {canEdit && (
                <button type="button" className="button button-small button-quiet" onClick={() => void remove(r)}>
                  {t('common.remove')}
                  <span className="visually-hidden"> {r.related_name}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <FormError message={message} />
      {canEdit &&
        (adding ? (
          <AddRelationship
            record={record}
            onDone={(changed) => {
              setAdding(false);
              if (changed) onChanged();
            }}
          />
        ) : (
          <button type="button" className="button button-small" onClick={() => setAdding(true)}>
            {t('rel.add')}
          </button>
        ))}
      <Household record={record} canEdit={canEdit} onChanged={onChanged} />
    </section>
  );
}

function AddRelationship({ record, onDone }: { record: ConstituentDetail; onDone(changed: boolean): void }) {
  const { t, tx } = useI18n();
  const [related, setRelated] = useState<Constituent | null>(null);
  const [type, setType] = useState('spouse');
  const [startedOn, setStartedOn] = useState('');
  const [errors, setErrors] = useState<FormErrors>({});
  const [general, setGeneral] = useState('');
  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = relationshipBody({ relatedId: related?.id ?? null, type, startedOn });
    setGeneral('');
    if ('errors' in r) {
      setErrors(Object.fromEntries(Object.entries(r.errors).map(([k, v]) => [k, tx(v)])));
      return;
    }
    setErrors({});
    try {
      await post(apiPath(`/constituents/${record.id}/relationships`), r.body);
      onDone(true);
    } catch (err) {
      if (err instanceof ApiError && err.errors.length) setErrors(Object.fromEntries(err.errors.map((f) => [f.field, f.message])));
      else setGeneral(errorMessage(err));
    }
  }
  return (
    <form className="inline-form" onSubmit={submit} noValidate aria-label={t('rel.add')}>
      <DonorLookup label={t('rel.related')} value={related} onChange={setRelated} error={errors.related_id} />
      <div className="grid grid-2">
        <SelectField label={t('rel.type')} value={type} onChange={(e) => setType(e.target.value)} error={errors.type}>
          {relationshipTypes.map((k) => (
            <option key={k} value={k}>
              {tx(`relType.${k}`)}
            </option>
          ))}
        </SelectField>
        <TextField label={t('rel.since')} type="date" value={startedOn} onChange={(e) => setStartedOn(e.target.value)} error={errors.started_on} />
      </div>
      <FormError message={general} />
      <div className="actions">
        <button type="submit" className="button button-primary button-small">
          {t('rel.save')}
        </button>
        <button type="button" className="button button-small" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function Household({ record, canEdit, onChanged }: { record: ConstituentDetail; canEdit: boolean; onChanged(): void }) {
  const { t } = useI18n();
  const [pick, setPick] = useState<Constituent | null>(null);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  async function run(action: () => Promise<unknown>) {
    setBusy(true);
    setMessage('');
    try {
      await action();
      setPick(null);
      onChanged();
    } catch (err) {
      setMessage(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }
  if (record.kind === 'household') {
    const members = record.members ?? [];
    return (
      <>
        <h3>{t('household.members')}</h3>
        {members.length === 0 ? (
          <Empty>{t('household.noMembers')}</Empty>
        ) : (
          <ul className="plain-list" data-testid="household-members">
            {members.map((m) => (
              <li key={m.member_id} className="contact-row">
                <span>
                  <Link to={`/constituents/${m.member_id}`}>{m.member_name}</Link> <span className="muted">{m.role}</span>
                  {m.member_erased_at && <span className="tag">{t('privacy.memberErased')}</span>}
                </span>
                {canEdit && (
                  <button type="button" className="button button-small button-quiet" disabled={busy} onClick={() => void run(() => del(apiPath(`/households/${record.id}/members/${m.member_id}`)))}>
                    {t('common.remove')}
                    <span className="visually-hidden"> {m.member_name}</span>
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        {canEdit && (
          <div className="inline-form">
            <DonorLookup label={t('household.addMember')} kind="individual" value={pick} onChange={setPick} />
            <button type="button" className="button button-small" disabled={!pick || busy} onClick={() => pick && void run(() => post(apiPath(`/households/${record.id}/members`), { member_id: pick.id }))}>
              {t('household.addMember')}
            </button>
          </div>
        )}
        <FormError message={message} />
      </>
    );
  }
  if (record.kind !== 'individual') return null;
  return (
    <>
      <h3>{t('household.title')}</h3>
      {record.household ? (
        <p className="contact-row">
          <span>
            <Link to={`/constituents/${record.household.household_id}`}>{t('household.memberOf')}</Link> <span className="muted">{record.household.role}</span>
          </span>
          {canEdit && (
            <button type="button" className="button button-small button-quiet" disabled={busy} onClick={() => void run(() => del(apiPath(`/households/${record.household?.household_id}/members/${record.id}`)))}>
              {t('household.leave')}
            </button>
          )}
        </p>
      ) : (
        <>
          <Empty>{t('household.none')}</Empty>
          {canEdit && (
            <div className="inline-form">
              <DonorLookup label={t('household.join')} kind="household" value={pick} onChange={setPick} />
              <div className="actions">
                <button type="button" className="button button-small" disabled={!pick || busy} onClick={() => pick && void run(() => post(apiPath(`/households/${pick.id}/members`), { member_id: record.id }))}>
                  {t('household.join')}
                </button>
                <button type="button" className="button button-small" disabled={busy} onClick={() => void run(() => post(apiPath('/households'), { member_ids: [record.id] }))}>
                  {t('household.start')}
                </button>
              </div>
            </div>
          )}
        </>
      )}
      <FormError message={message} />
    </>
  );
}

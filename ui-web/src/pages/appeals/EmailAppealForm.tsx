// "Email this appeal": choose a saved segment and an appeal template, preview who would be
// emailed (the segment, then each exclusion and how many are left), a sample message for one
// of the segment's donors, then start the send at a rate (messages a minute). Nothing is sent
// before "Send"; the send then runs as a background job (pages/appeals/AppealSendPage.tsx).
import { useState } from 'react';
import { ApiError, apiPath, errorMessage, get, post } from '../../api/client';
import type { Appeal } from '../../api/crm';
import type { Constituent, Page } from '../../api/types';
import { FormError, SelectField, TextField } from '../../components/Field';
import { useI18n } from '../../i18n/i18n';
import { checkRate, defaultRate, exclusionFunnel, sendMinutes, type AppealSend, type AudiencePreview } from '../../lib/appealMail';
import { formatNumber } from '../../lib/format';
import { useLoad } from '../../lib/hooks';
import type { MailTemplate } from '../../lib/mail';
import type { SegmentSummary } from './AppealPage';

interface Sample {
  donor: string;
  subject: string;
  text: string;
}

export function EmailAppealForm({ appeal, onCancel, onStarted }: { appeal: Appeal; onCancel(): void; onStarted(send: AppealSend): void }) {
  const { t } = useI18n();
  const [segmentId, setSegmentId] = useState('');
  const [template, setTemplate] = useState('appeal');
  const [rate, setRate] = useState('');
  const [preview, setPreview] = useState<AudiencePreview | null>(null);
  const [sample, setSample] = useState<Sample | null>(null);
  const [sampleError, setSampleError] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState('');
  const [busy, setBusy] = useState(false);
  const [load] = useLoad(async (signal) => {
    const [segments, templates, settings] = await Promise.all([
      get<Page<SegmentSummary>>(apiPath('/segments', { limit: 500 }), signal),
      get<{ items: MailTemplate[] }>(apiPath('/mail/templates'), signal).catch(() => ({ items: [] as MailTemplate[] })),
      get<Record<string, string>>(apiPath('/mail/settings'), signal).catch(() => ({}) as Record<string, string>),
    ]);
    const names = [...new Set(templates.items.filter((x) => x.kind === 'appeal').map((x) => x.name))];
    if (!names.includes('appeal')) names.unshift('appeal');
    return { segments: segments.items, templates: names, rate: settings['mail.appeal_rate_per_minute'] || String(defaultRate) };
  }, []);
  const segments = load.state === 'ready' ? load.data.segments : [];
  const templates = load.state === 'ready' ? load.data.templates : ['appeal'];
  const rateText = rate || (load.state === 'ready' ? load.data.rate : String(defaultRate));

  const reset = () => {
    setPreview(null);
    setSample(null);
    setSampleError('');
    setFormError('');
  };

  function showError(e: unknown) {
    if (e instanceof ApiError && e.errors.length > 0) {
      const byField: Record<string, string> = {};
      for (const f of e.errors) byField[f.field] = f.message;
      setErrors(byField);
      if (!['segment_id', 'template_name', 'rate_per_minute'].some((f) => byField[f])) setFormError(errorMessage(e));
    } else setFormError(errorMessage(e));
  }

  async function runPreview() {
    reset();
    if (!segmentId) {
      setErrors({ segment_id: t('appealMail.segmentMissing') });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const p = await get<AudiencePreview>(apiPath(`/appeals/${appeal.id}/email-preview`, { segment_id: segmentId, template_name: template }));
      setPreview(p);
      void loadSample(Number(segmentId), template);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  }

  async function loadSample(segment: number, name: string) {
    try {
      const members = await get<Page<Constituent>>(apiPath(`/segments/${segment}/members`, { limit: 1 }));
      const donor = members.items[0];
      if (!donor) return;
      const rendered = await post<{ subject: string; text: string }>(apiPath('/mail/preview'), { constituent_id: donor.id, template: name });
      setSample({ donor: donor.display_name, subject: rendered.subject, text: rendered.text });
    } catch (e) {
      setSampleError(errorMessage(e));
    }
  }

  async function start() {
    if (!preview) return;
    const checked = checkRate(rateText);
    if ('error' in checked) {
      setErrors({ rate_per_minute: t(checked.error) });
      return;
    }
    setErrors({});
    setFormError('');
    setBusy(true);
    try {
      const send = await post<AppealSend>(apiPath(`/appeals/${appeal.id}/email-sends`), {
        segment_id: Number(segmentId),
        template_name: template,
        rate_per_minute: checked.rate,
      });
      onStarted(send);
    } catch (e) {
      showError(e);
      setBusy(false);
    }
  }

  const checkedRate = checkRate(rateText);
  return (
    <section className="card" aria-labelledby="email-appeal">
      <h2 id="email-appeal">{t('appealMail.emailThis')}</h2>
      <p className="muted">{t('appealMail.intro')}</p>
      <div className="grid grid-2">
        <SelectField
          label={t('appealMail.segment')}
          value={segmentId}
          error={errors.segment_id}
          hint={load.state === 'ready' && segments.length === 0 ? t('appealMail.noSegments') : undefined}
          onChange={(e) => {
            setSegmentId(e.target.value);
            reset();
          }}
        >
          <option value="">{t('appealMail.chooseSegment')}</option>
          {segments.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('appealMail.template')}
          value={template}
          error={errors.template_name}
          onChange={(e) => {
            setTemplate(e.target.value);
            reset();
          }}
        >
          {templates.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="actions">
        <button type="button" className="button" disabled={busy} onClick={() => void runPreview()}>
          {t('appealMail.preview')}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
      {preview && <AudienceTable preview={preview} />}
      {preview && sample && (
        <div className="mail-preview" data-testid="appeal-sample">
          <h3>{t('appealMail.sampleFor', { name: sample.donor })}</h3>
          <p>
            <strong>{t('mail.subject')}:</strong> {sample.subject}
          </p>
          <pre className="mail-text">{sample.text}</pre>
        </div>
      )}
      {preview && sampleError && <p className="muted">{t('appealMail.sampleFailed', { error: sampleError })}</p>}
      {preview && (
        <>
          <TextField
            label={t('appealMail.rate')}
            inputMode="numeric"
            value={rateText}
            error={errors.rate_per_minute}
            hint={'rate' in checkedRate ? t('appealMail.rateHint', { minutes: formatNumber(sendMinutes(preview.recipients, checkedRate.rate)) }) : undefined}
            onChange={(e) => setRate(e.target.value)}
          />
          <div className="actions">
            <button type="button" className="button button-primary" disabled={busy || preview.recipients === 0} onClick={() => void start()}>
              {t('appealMail.send', { count: formatNumber(preview.recipients) })}
            </button>
          </div>
        </>
      )}
      <FormError message={formError} />
    </section>
  );
}

function AudienceTable({ preview }: { preview: AudiencePreview }) {
  const { t, tx } = useI18n();
  return (
    <table className="table" data-testid="appeal-audience">
      <caption>{t('appealMail.audience')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('appealMail.step')}</th>
          <th scope="col" className="numeric">{t('appealMail.excluded')}</th>
          <th scope="col" className="numeric">{t('appealMail.left')}</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">{t('appealMail.inSegment')}</th>
          <td className="numeric" />
          <td className="numeric">{formatNumber(preview.segment_count)}</td>
        </tr>
        {exclusionFunnel(preview).map((row) => (
          <tr key={row.key}>
            <th scope="row">{tx(`appealMail.exclusion.${row.key}`)}</th>
            <td className="numeric">{row.excluded ? `−${formatNumber(row.excluded)}` : '0'}</td>
            <td className="numeric">{formatNumber(row.left)}</td>
          </tr>
        ))}
        <tr>
          <th scope="row">{t('appealMail.willBeEmailed')}</th>
          <td className="numeric muted">{t('appealMail.byLanguage', { en: formatNumber(preview.by_language.en), ko: formatNumber(preview.by_language.ko) })}</td>
          <td className="numeric" data-testid="appeal-recipients">
            <strong>{formatNumber(preview.recipients)}</strong>
          </td>
        </tr>
      </tbody>
    </table>
  );
}

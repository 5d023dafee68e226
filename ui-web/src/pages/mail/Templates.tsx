// Mail templates (/mail/templates): every template with its languages and current version;
// Edit opens the subject, text and HTML bodies (Mustache, docs/mail.md) and saves a new version
// (only what changed is sent); Preview renders the saved version for a donor chosen by typing
// (their latest gift fills the gift fields) without sending anything.
import { useState, type FormEvent } from 'react';
import { ApiError, apiPath, errorMessage, get, post } from '../../api/client';
import type { Constituent } from '../../api/types';
import { DonorLookup } from '../../components/DonorLookup';
import { FormError, TextArea, TextField } from '../../components/Field';
import { Empty, Loaded } from '../../components/States';
import { useI18n } from '../../i18n/i18n';
import { useLoad } from '../../lib/hooks';
import { templateChanges, templateGroups, type MailTemplate } from '../../lib/mail';

interface Preview {
  template_version: number;
  language: string;
  subject: string;
  text: string;
  html: string;
}

export function TemplatesPage() {
  const { t, tx } = useI18n();
  const [load, reload] = useLoad((signal) => get<{ items: MailTemplate[] }>(apiPath('/mail/templates'), signal), [], { quiet: true });
  const [open, setOpen] = useState<{ name: string; language: string; mode: 'edit' | 'preview' } | null>(null);
  return (
    <>
      <div className="page-header">
        <h1>{t('mail.templatesTitle')}</h1>
      </div>
      <Loaded load={load} retry={reload}>
        {({ items }) => {
          const groups = templateGroups(items);
          if (groups.length === 0) return <Empty>{t('mail.noTemplates')}</Empty>;
          const current = open && items.find((i) => i.name === open.name && i.language === open.language);
          return (
            <>
              <div className="card">
                <table className="table" data-testid="templates">
                  <thead>
                    <tr>
                      <th scope="col">{t('common.name')}</th>
                      <th scope="col">{t('common.kind')}</th>
                      <th scope="col">{t('mail.languages')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {groups.map((g) => (
                      <tr key={g.name}>
                        <td>{g.name}</td>
                        <td>{tx(`mail.kind.${g.kind}`)}</td>
                        <td>
                          {g.versions.map((v) => (
                            <span key={v.language} className="template-language">
                              <strong>{tx(`mail.lang.${v.language}`)}</strong> <span className="muted">{t('mail.version', { version: v.version })}</span>
                              {!v.active && <span className="tag tag-warn">{t('mail.inactive')}</span>}{' '}
                              <button type="button" className="button button-small" onClick={() => setOpen({ name: g.name, language: v.language, mode: 'edit' })} aria-label={t('mail.editOf', { name: g.name, language: tx(`mail.lang.${v.language}`) })}>
                                {t('common.edit')}
                              </button>{' '}
                              <button type="button" className="button button-small" onClick={() => setOpen({ name: g.name, language: v.language, mode: 'preview' })} aria-label={t('mail.previewOf', { name: g.name, language: tx(`mail.lang.${v.language}`) })}>
                                {t('mail.preview')}
                              </button>
                            </span>
                          ))}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {current && open?.mode === 'edit' && (
                <TemplateEditor
                  key={`${current.name}-${current.language}`}
                  template={current}
                  onSaved={() => reload()}
                  onPreview={() => setOpen({ ...open, mode: 'preview' })}
                  onClose={() => setOpen(null)}
                />
              )}
              {current && open?.mode === 'preview' && (
                <TemplatePreview key={`${current.name}-${current.language}`} template={current} onEdit={() => setOpen({ ...open, mode: 'edit' })} onClose={() => setOpen(null)} />
              )}
            </>
          );
        }}
      </Loaded>
    </>
  );
}

function TemplateEditor({ template, onSaved, onPreview, onClose }: { template: MailTemplate; onSaved(): void; onPreview(): void; onClose(): void }) {
  const { t, tx } = useI18n();
  const [draft, setDraft] = useState({ subject: template.subject, body_text: template.body_text, body_html: template.body_html, active: template.active });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);
  async function save(e: FormEvent) {
    e.preventDefault();
    const body = templateChanges(template, draft);
    setSaved('');
    setError('');
    setErrors({});
    if (!body) {
      setSaved(t('mail.noChanges'));
      return;
    }
    setBusy(true);
    try {
      const next = await post<MailTemplate>(apiPath('/mail/templates'), body);
      setSaved(t('mail.savedVersion', { version: next.version }));
      onSaved();
    } catch (err) {
      if (err instanceof ApiError && err.errors.length > 0) {
        const texts: Record<string, string> = {};
        for (const f of err.errors) texts[f.field] = f.message;
        setErrors(texts);
        if (!['subject', 'body_text', 'body_html'].some((k) => texts[k])) setError(errorMessage(err));
      } else setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }
  const title = t('mail.editing', { name: template.name, language: tx(`mail.lang.${template.language}`), version: template.version });
  return (
    <form className="card" onSubmit={save} noValidate aria-label={title}>
      <h2>{title}</h2>
      <p className="muted">{t('mail.mergeHint')}</p>
      <TextField label={t('mail.subject')} name="template-subject" value={draft.subject} error={errors.subject} onChange={(e) => setDraft({ ...draft, subject: e.target.value })} />
      <TextArea label={t('mail.bodyText')} name="template-text" rows={10} value={draft.body_text} error={errors.body_text} onChange={(e) => setDraft({ ...draft, body_text: e.target.value })} />
      <TextArea label={t('mail.bodyHtml')} name="template-html" rows={10} value={draft.body_html} error={errors.body_html} onChange={(e) => setDraft({ ...draft, body_html: e.target.value })} />
      <label className="checkbox">
        <input type="checkbox" checked={draft.active} onChange={(e) => setDraft({ ...draft, active: e.target.checked })} /> {t('mail.active')}
      </label>
      <FormError message={error} />
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('common.saving') : t('mail.saveVersion')}
        </button>
        <button type="button" className="button" onClick={onPreview}>
          {t('mail.preview')}
        </button>
        <button type="button" className="button button-quiet" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <span role="status" className="muted">
          {saved}
        </span>
      </div>
    </form>
  );
}

function TemplatePreview({ template, onEdit, onClose }: { template: MailTemplate; onEdit(): void; onClose(): void }) {
  const { t, tx } = useI18n();
  const [donor, setDonor] = useState<Constituent | null>(null);
  const [donorError, setDonorError] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<Preview | null>(null);
  async function show(e: FormEvent) {
    e.preventDefault();
    setError('');
    if (!donor) {
      setDonorError(t('mail.donorMissing'));
      return;
    }
    setDonorError('');
    setBusy(true);
    try {
      setPreview(await post<Preview>(apiPath('/mail/preview'), { constituent_id: donor.id, template: template.name, language: template.language }));
    } catch (err) {
      setPreview(null);
      if (err instanceof ApiError && err.fieldMessage('constituent_id')) setDonorError(err.fieldMessage('constituent_id')!);
      else setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }
  const title = t('mail.previewing', { name: template.name, language: tx(`mail.lang.${template.language}`) });
  return (
    <section className="card" aria-label={title}>
      <h2>{title}</h2>
      <form onSubmit={show} noValidate className="split-row">
        <DonorLookup label={t('mail.previewDonor')} value={donor} onChange={setDonor} error={donorError} />
        <div className="split-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('mail.rendering') : t('mail.showPreview')}
          </button>
          <button type="button" className="button" onClick={onEdit}>
            {t('common.edit')}
          </button>
          <button type="button" className="button button-quiet" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
      <FormError message={error} />
      {preview && (
        <div className="mail-preview" data-testid="mail-preview">
          <p>
            <strong>{t('mail.subject')}:</strong> <span data-testid="preview-subject">{preview.subject}</span>
          </p>
          <p className="muted">{t('mail.previewNote', { version: preview.template_version })}</p>
          <h3>{t('mail.bodyText')}</h3>
          <pre className="mail-text">{preview.text}</pre>
          {preview.html && (
            <>
              <h3>{t('mail.bodyHtml')}</h3>
              <iframe className="mail-html" title={t('mail.bodyHtml')} sandbox="" srcDoc={preview.html} />
            </>
          )}
        </div>
      )}
    </section>
  );
}

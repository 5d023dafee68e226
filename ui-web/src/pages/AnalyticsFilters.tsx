// The filter rows of the analytics explorer: field, operator and value(s) per row. Funds,
// campaigns, tags and segments are chosen by name (sent as ids); method and kind from their
// fixed values; amounts typed in the base currency; other text typed (several: "a, b").
import { useI18n } from '../i18n/i18n';
import { choiceValues, filterFields, idFields, manyValues, newFilter, opsFor, type FilterDraft } from '../lib/analytics';

export type Options = Partial<Record<'fund' | 'campaign' | 'tag' | 'segment', { id: number; name: string }[]>>;

export function FilterRows({
  filters,
  options,
  currency,
  errors,
  onChange,
}: {
  filters: FilterDraft[];
  options: Options;
  currency: string;
  errors: Record<string, string>;
  onChange(filters: FilterDraft[]): void;
}) {
  const { t, tx } = useI18n();
  if (filters.length === 0) return null;
  const update = (i: number, f: FilterDraft) => onChange(filters.map((x, j) => (j === i ? f : x)));
  return (
    <fieldset className="splits" aria-label={t('analytics.filters')}>
      <legend>{t('analytics.filters')}</legend>
      {filters.map((f, i) => {
        const key = `filters.${i}`;
        const error = errors[key];
        const many = manyValues(f.op);
        const named = idFields.has(f.field) ? options[f.field as keyof Options] : undefined;
        const choices = named
          ? named.map((o) => ({ value: String(o.id), label: o.name }))
          : choiceValues[f.field]?.map((c) => ({ value: c, label: tx(`${f.field}.${c}`) }));
        const valueId = `an-filter-${i}-value`;
        const errorId = `an-filter-${i}-error`;
        const common = {
          id: valueId,
          name: `filter-${i}-value`,
          'aria-invalid': error ? (true as const) : undefined,
          'aria-describedby': error ? errorId : undefined,
        };
        return (
          <div className="split-row" key={i} data-key={key}>
            <div className="field">
              <label htmlFor={`an-filter-${i}-field`}>{t('analytics.filterField')}</label>
              <select id={`an-filter-${i}-field`} name={`filter-${i}-field`} value={f.field} onChange={(e) => update(i, newFilter(e.target.value))}>
                {filterFields.map((name) => (
                  <option key={name} value={name}>
                    {tx(`analytics.filter.${name}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`an-filter-${i}-op`}>{t('analytics.filterOp')}</label>
              <select
                id={`an-filter-${i}-op`}
                name={`filter-${i}-op`}
                value={f.op}
                onChange={(e) => update(i, { ...f, op: e.target.value, values: manyValues(e.target.value) ? f.values : f.values.slice(0, 1) })}
              >
                {opsFor(f.field).map((op) => (
                  <option key={op} value={op}>
                    {tx(`analytics.op.${op}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className={`field ${error ? 'field-invalid' : ''}`}>
              <label htmlFor={valueId}>{f.field === 'amount' ? t('analytics.filterAmount', { currency }) : t('analytics.filterValue')}</label>
              {choices ? (
                many ? (
                  <select {...common} multiple size={Math.min(6, Math.max(2, choices.length))} value={f.values} onChange={(e) => update(i, { ...f, values: Array.from(e.target.selectedOptions, (o) => o.value) })}>
                    {choices.map((c) => (
                      <option key={c.value} value={c.value}>
                        {c.label}
                      </option>
                    ))}
                  </select>
                ) : (
                  <select {...common} value={f.values[0] ?? ''} onChange={(e) => update(i, { ...f, values: e.target.value ? [e.target.value] : [] })}>
                    <option value="">{t('analytics.choose')}</option>
                    {choices.map((c) => (
                      <option key={c.value} value={c.value}>
                        {c.label}
                      </option>
                    ))}
                  </select>
                )
              ) : (
                <input
                  {...common}
                  inputMode={f.field === 'amount' || idFields.has(f.field) ? 'decimal' : undefined}
                  value={many ? f.values.join(',') : (f.values[0] ?? '')}
                  onChange={(e) => update(i, { ...f, values: many ? e.target.value.split(',') : [e.target.value] })}
                />
              )}
              {many && !choices && <div className="field-hint">{t('analytics.severalHint')}</div>}
              {error && (
                <div className="field-error" id={errorId} role="alert">
                  {error}
                </div>
              )}
            </div>
            <div className="split-actions">
              <button type="button" className="button button-small button-quiet" onClick={() => onChange(filters.filter((_, j) => j !== i))} aria-label={t('analytics.removeFilter', { n: i + 1 })}>
                {t('common.remove')}
              </button>
            </div>
          </div>
        );
      })}
    </fieldset>
  );
}

// A gift's tribute: in honor or in memory of someone, by name (optional).
import { useT } from '../i18n/i18n';
import { SelectField, TextField } from './Field';

export interface Tribute {
  type: '' | 'in_honor' | 'in_memory';
  name: string;
}

export function tributeBody(t: Tribute): { type: string; name: string } | undefined {
  return t.type ? { type: t.type, name: t.name.trim() } : undefined;
}

export function TributeFields({ value, onChange, errors }: { value: Tribute; onChange(t: Tribute): void; errors: Record<string, string> }) {
  const t = useT();
  return (
    <div className="grid grid-2">
      <SelectField
        label={t('gift.tribute')}
        name="tribute_type"
        value={value.type}
        onChange={(e) => onChange({ ...value, type: e.target.value as Tribute['type'] })}
        error={errors['tribute.type']}
      >
        <option value="">{t('gift.tributeNone')}</option>
        <option value="in_honor">{t('gift.inHonor')}</option>
        <option value="in_memory">{t('gift.inMemory')}</option>
      </SelectField>
      {value.type && (
        <TextField
          label={t('gift.tributeName')}
          name="tribute_name"
          value={value.name}
          onChange={(e) => onChange({ ...value, name: e.target.value })}
          error={errors['tribute.name']}
        />
      )}
    </div>
  );
}

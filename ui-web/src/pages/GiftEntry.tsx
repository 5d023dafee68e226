// Fast gift entry, keyboard only: donor (type to find), amount, date, fund (or a split over
// several funds that must sum to the amount), method, campaign and appeal, tribute, notes;
// Enter saves and the form is ready for the next gift (date, funds, method and campaign kept).
// The same form enters gifts into a batch (pages/Batches.tsx).
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { apiPath, get } from '../api/client';
import type { Campaign } from '../api/crm';
import type { Constituent, Fund, Page, Settings } from '../api/types';
import { Loaded } from '../components/States';
import { useI18n } from '../i18n/i18n';
import { amountToMinor, formatMinor } from '../lib/format';
import { useLoad } from '../lib/hooks';
import { GiftForm, type SavedGift } from './GiftForm';

export interface GiftEntryData {
  funds: Fund[];
  campaigns: Campaign[];
  currency: string;
}

export async function loadGiftEntryData(signal: AbortSignal): Promise<GiftEntryData> {
  const [funds, settings, campaigns] = await Promise.all([
    get<Page<Fund>>(apiPath('/funds', { active: 'true', limit: 500 }), signal),
    get<Settings>(apiPath('/settings'), signal),
    get<Page<Campaign>>(apiPath('/campaigns', { active: 'true', limit: 500 }), signal),
  ]);
  return { funds: funds.items, campaigns: campaigns.items, currency: String(settings.base_currency ?? 'USD') };
}

export function GiftEntryPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const preset = params.get('constituent');
  const [load, retry] = useLoad(async (signal) => {
    const [data, donor] = await Promise.all([
      loadGiftEntryData(signal),
      preset ? get<Constituent>(apiPath(`/constituents/${preset}`), signal) : Promise.resolve(null),
    ]);
    return { ...data, donor };
  }, [preset]);
  const [saved, setSaved] = useState<SavedGift[]>([]);
  return (
    <>
      <div className="page-header">
        <h1>{t('gift.newTitle')}</h1>
        <Link className="button" to="/batches">
          {t('batch.title')}
        </Link>
      </div>
      <Loaded load={load} retry={retry}>
        {(data) => (
          <div className="grid grid-entry">
            <GiftForm data={data} initialDonor={data.donor} onSaved={(g) => setSaved((s) => [g, ...s])} />
            <SessionPanel saved={saved} currency={data.currency} />
          </div>
        )}
      </Loaded>
    </>
  );
}

function SessionPanel({ saved, currency }: { saved: SavedGift[]; currency: string }) {
  const { t } = useI18n();
  const total = saved.reduce((sum, s) => sum + amountToMinor(s.amount, currency), 0);
  return (
    <aside className="card" aria-labelledby="entered">
      <h2 id="entered">{t('gift.enteredSession')}</h2>
      <p className="stat-line" role="status" aria-live="polite">
        {t(saved.length === 1 ? 'gift.countOne' : 'gift.countMany', { count: saved.length, total: formatMinor(total, currency) })}
      </p>
      <ul className="plain-list">
        {saved.slice(0, 10).map((s) => (
          <li key={s.id}>
            <Link to={`/constituents/${s.donor.id}`}>{s.donor.display_name}</Link> · {formatMinor(amountToMinor(s.amount, currency), currency)}
          </li>
        ))}
      </ul>
    </aside>
  );
}

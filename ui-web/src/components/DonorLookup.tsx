// Find a donor by typing (the API's quick search: names in Hangul or Latin, email, phone,
// postal code). An ARIA combobox: arrows move, Enter picks, Escape closes.
import { forwardRef, useEffect, useId, useRef, useState } from 'react';
import { apiPath, get } from '../api/client';
import type { Constituent, Page } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { useDebounced } from '../lib/hooks';

interface Props {
  label?: string;
  // Only constituents of this kind are offered (the household of a membership).
  kind?: string;
  value: Constituent | null;
  onChange(c: Constituent | null): void;
  error?: string;
}

export const DonorLookup = forwardRef<HTMLInputElement, Props>(function DonorLookup({ label, kind, value, onChange, error }, ref) {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState(value?.display_name ?? '');
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<Constituent[]>([]);
  const [active, setActive] = useState(0);
  const [status, setStatus] = useState<'idle' | 'loading' | 'error'>('idle');
  const q = useDebounced(text.trim(), 200);
  const closeTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const cancelClose = () => {
    if (closeTimer.current) clearTimeout(closeTimer.current);
    closeTimer.current = null;
  };
  useEffect(() => cancelClose, []);

  useEffect(() => {
    setText(value?.display_name ?? '');
  }, [value]);

  useEffect(() => {
    if (!open || !q || (value && q === value.display_name)) {
      setItems([]);
      return;
    }
    const controller = new AbortController();
    setStatus('loading');
    get<Page<Constituent>>(apiPath('/constituents', { q, kind, limit: 8 }), controller.signal).then(
      (page) => {
        setItems(page.items);
        setActive(0);
        setStatus('idle');
      },
      () => {
        if (!controller.signal.aborted) setStatus('error');
      },
    );
    return () => controller.abort();
  }, [q, open, value, kind]);

  function pick(c: Constituent) {
    onChange(c);
    setText(c.display_name);
    setOpen(false);
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, Math.max(items.length - 1, 0)));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter' && open && items.length > 0) {
      e.preventDefault();
      pick(items[active]);
    } else if (e.key === 'Escape') {
      setOpen(false);
    }
  }

  const listId = `${id}-list`;
  const showList = open && items.length > 0;
  return (
    <div className={`field combobox ${error ? 'field-invalid' : ''}`}>
      <label htmlFor={id}>{label ?? t('gift.donor')}</label>
      <input
        ref={ref}
        id={id}
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={showList ? `${listId}-${active}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : `${id}-hint`}
        placeholder={t('lookup.placeholder')}
        value={text}
        onChange={(e) => {
          cancelClose();
          setText(e.target.value);
          setOpen(true);
          if (value) onChange(null);
        }}
        onKeyDown={onKeyDown}
        onFocus={cancelClose}
        onBlur={() => {
          // Closed a moment later so a click on an option still lands; typing again cancels it.
          cancelClose();
          closeTimer.current = setTimeout(() => setOpen(false), 150);
        }}
      />
      <ul id={listId} role="listbox" className={showList ? 'listbox' : 'listbox listbox-hidden'}>
        {items.map((c, i) => (
          <li
            key={c.id}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'option option-active' : 'option'}
            onMouseDown={(e) => {
              e.preventDefault();
              pick(c);
            }}
          >
            {c.display_name} <span className="muted">#{c.id}</span>
          </li>
        ))}
      </ul>
      {error ? (
        <div className="field-error" id={`${id}-error`} role="alert">
          {error}
        </div>
      ) : (
        <div className="field-hint" id={`${id}-hint`}>
          {status === 'loading' ? t('lookup.searching') : status === 'error' ? t('lookup.failed') : value ? t('lookup.selected', { id: value.id }) : t('lookup.hint')}
        </div>
      )}
    </div>
  );
});

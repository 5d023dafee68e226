import { useEffect, useRef, useState } from 'react';

// A value that follows `value` after it has been still for `delay` ms (search as you type).
export function useDebounced<T>(value: T, delay: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return debounced;
}

export type Load<T> =
  | { state: 'loading' }
  | { state: 'error'; error: unknown }
  | { state: 'ready'; data: T };

// Loads data for a page: loading, error and ready states; a newer load cancels the older one.
// With `quiet`, a reload (the returned function) keeps showing the data it has until the new
// data arrives, so open forms on the page keep their state; a change of `deps` still shows
// the loading state.
export function useLoad<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: unknown[],
  options: { quiet?: boolean } = {},
): [Load<T>, () => void] {
  const [result, setResult] = useState<Load<T>>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const lastGeneration = useRef(generation);
  const quiet = options.quiet ?? false;
  useEffect(() => {
    const controller = new AbortController();
    const reloading = quiet && lastGeneration.current !== generation;
    lastGeneration.current = generation;
    if (!reloading) setResult({ state: 'loading' });
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setResult({ state: 'ready', data });
      },
      (error) => {
        if (!controller.signal.aborted) setResult({ state: 'error', error });
      },
    );
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, generation]);
  return [result, () => setGeneration((g) => g + 1)];
}

// Follows something that changes on the server (a send, a mail run): reads it now, then again
// every `intervalMs` until `done(value)`; a failed read is reported in `error` and tried again
// at the next tick. `reread()` starts over (after a change the page made); `setValue` shows an
// answer the page already has (a cancel's). A change of `deps` starts over too.
export function usePolled<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  intervalMs: number,
  deps: unknown[],
): { value: T | null; error: unknown; reread(): void; setValue(value: T): void } {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);
  const readRef = useRef(read);
  readRef.current = read;
  const doneRef = useRef(done);
  doneRef.current = done;
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const tick = async () => {
      try {
        const current = await readRef.current();
        if (stopped) return;
        setValue(current);
        setError(null);
        if (doneRef.current(current)) return;
      } catch (e) {
        if (stopped) return;
        setError(e);
      }
      timer = setTimeout(() => void tick(), intervalMs);
    };
    void tick();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, generation, intervalMs]);
  return { value, error, reread: () => setGeneration((g) => g + 1), setValue };
}

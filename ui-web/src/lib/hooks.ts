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

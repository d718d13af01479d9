import { useCallback, useEffect, useRef, useState } from 'react';

export type LoadState<T> =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; data: T };

/**
 * Loads once on mount; reload() for retry, refresh() for pull-to-refresh (keeps the data shown). A change of
 * refreshKey (the screen came into focus again) refreshes too.
 */
export function useLoad<T>(loader: () => Promise<T>, refreshKey = 0) {
  const [state, setState] = useState<LoadState<T>>({ status: 'loading' });
  const [refreshing, setRefreshing] = useState(false);
  const loaderRef = useRef(loader);
  loaderRef.current = loader;
  const mounted = useRef(true);

  const run = useCallback(async (mode: 'initial' | 'refresh') => {
    if (mode === 'initial') setState({ status: 'loading' });
    else setRefreshing(true);
    try {
      const data = await loaderRef.current();
      if (mounted.current) setState({ status: 'ready', data });
    } catch (error) {
      if (mounted.current) setState({ status: 'error', error });
    } finally {
      if (mounted.current) setRefreshing(false);
    }
  }, []);

  useEffect(() => {
    mounted.current = true;
    void run('initial');
    return () => {
      mounted.current = false;
    };
  }, [run]);

  const initialKey = useRef(refreshKey);
  useEffect(() => {
    if (refreshKey !== initialKey.current) void run('refresh');
  }, [refreshKey, run]);

  const reload = useCallback(() => void run('initial'), [run]);
  const refresh = useCallback(() => void run('refresh'), [run]);
  const setData = useCallback((update: (data: T) => T) => {
    setState((s) => (s.status === 'ready' ? { status: 'ready', data: update(s.data) } : s));
  }, []);
  return { state, refreshing, reload, refresh, setData };
}

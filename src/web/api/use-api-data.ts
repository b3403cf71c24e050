import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from './api-client';

/** Data loaded from one GET path, reloaded when the path changes; null path loads nothing. */
export function useApiData<T>(path: string | null) {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | null>(null);
  const [isLoading, setIsLoading] = useState(path !== null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (path === null) return undefined;
    // An answer for a path the page has moved away from must not overwrite the newer one.
    let isCurrent = true;
    setIsLoading(true);
    setError(null);
    api.get<T>(path).then(
      (result) => {
        if (!isCurrent) return;
        setData(result);
        setIsLoading(false);
      },
      (failure: unknown) => {
        if (!isCurrent) return;
        setError(failure instanceof ApiError ? failure : new ApiError(0, 'internal_error', String(failure)));
        setIsLoading(false);
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [path, version]);

  const reload = useCallback(() => setVersion((value) => value + 1), []);
  return { data, error, isLoading, reload, setData };
}

/** What useApiData gives: the data, why it did not come, and how to load it again or replace it. */
export type ApiData<T> = ReturnType<typeof useApiData<T>>;

import { useState } from 'preact/hooks';
import { ApiError } from '../api/graphql-client';

/** A mutation started from a form: whether it runs, and the error to show next to the form. */
export function useAction(): {
  busy: boolean;
  error: ApiError | null;
  run: (action: () => Promise<unknown>) => Promise<boolean>;
} {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      return true;
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError('UNKNOWN', String(caught)));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

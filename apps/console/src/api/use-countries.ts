import { useEffect, useState } from 'preact/hooks';
import { useSession } from '../session/session';
import { COUNTRY_NEIGHBOURS } from './documents';
import type { Subregion } from './enums';
import type { ApiError } from './graphql-client';
import type { CountryRef } from './types';

export interface ReferenceCountry {
  readonly code: string;
  readonly subregion: Subregion;
  readonly neighbours: readonly CountryRef[];
}

/** Reference data does not change while the service runs: read once per session. */
const loaded = new WeakMap<object, Promise<readonly ReferenceCountry[]>>();

/** The beneficiary countries, their subregions and neighbours; null while loading. */
export function useCountries(): { countries: readonly ReferenceCountry[] | null; error: ApiError | null } {
  const { request } = useSession();
  const [countries, setCountries] = useState<readonly ReferenceCountry[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    let cancelled = false;
    let pending = loaded.get(request);
    if (pending === undefined) {
      pending = request<{ countries: ReferenceCountry[] }>(COUNTRY_NEIGHBOURS).then(({ countries: listed }) => listed);
      // A failed read is not kept: the next page that needs the countries asks again.
      pending.catch(() => loaded.delete(request));
      loaded.set(request, pending);
    }
    pending.then(
      (listed) => !cancelled && setCountries(listed),
      (caught: ApiError) => !cancelled && setError(caught),
    );
    return () => {
      cancelled = true;
    };
  }, [request]);
  return { countries, error };
}

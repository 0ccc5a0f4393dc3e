import type { Country, Language } from '@sinergi/core';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../app/api-client';

/** ISO 3166 countries with Indonesian and English names; reference data, cached for the session. */
export function useCountries() {
  return useQuery({
    queryKey: ['countries'],
    queryFn: ({ signal }) => apiRequest<{ items: Country[] }>('/countries', { signal }),
    select: (data) => data.items,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function countryName(countries: readonly Country[] | undefined, code: string, lang: Language): string {
  const country = countries?.find((c) => c.code === code);
  if (!country) return code;
  return lang === 'en' ? country.nameEn : country.nameId;
}

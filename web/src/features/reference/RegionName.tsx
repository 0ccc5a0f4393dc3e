import { useRegion } from './region.api';

/** A region code shown as "Desa, Kecamatan, Kabupaten" (the code while the name loads or if unknown). */
export function RegionName({ code }: { code: string | null | undefined }) {
  const region = useRegion(code);
  if (!code) return null;
  if (!region.data) return <>{code}</>;
  const names = [region.data, ...[...region.data.path].reverse()].map((r) => r.name);
  return <>{names.slice(0, 3).join(', ')}</>;
}

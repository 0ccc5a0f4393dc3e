/** Age bands of the national and international statistics (domain §6). */

export interface AgeBand {
  id: string;
  min: number;
  /** inclusive; null for the open top band */
  max: number | null;
}

function bands(limits: readonly (readonly [number, number | null])[]): AgeBand[] {
  return limits.map(([min, max]) => ({ id: max === null ? `${min}+` : `${min}-${max}`, min, max }));
}

/** SIMFONI PPA victim age bands. */
export const SIMFONI_AGE_BANDS: readonly AgeBand[] = bands([
  [0, 5],
  [6, 12],
  [13, 17],
  [18, 24],
  [25, 44],
  [45, 59],
  [60, null],
]);

/** CTDC `ageBroad` bands. */
export const CTDC_AGE_BANDS: readonly AgeBand[] = bands([
  [0, 8],
  [9, 17],
  [18, 20],
  [21, 23],
  [24, 26],
  [27, 29],
  [30, 38],
  [39, 47],
  [48, null],
]);

/** The band an age falls in, or null when the age is unknown or negative. */
export function ageBandOf(age: number | null | undefined, list: readonly AgeBand[]): string | null {
  if (age === null || age === undefined || !Number.isFinite(age) || age < 0) return null;
  const whole = Math.floor(age);
  return list.find((b) => whole >= b.min && (b.max === null || whole <= b.max))?.id ?? null;
}

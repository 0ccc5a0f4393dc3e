import { z } from 'zod';

/** Kemendagri region codes: `53` province, `53.10` regency, `53.10.01` district, `53.10.01.2001` village. */
export const REGION_CODE_PATTERN = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;

export const REGION_LEVELS = ['province', 'regency', 'district', 'village'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export const regionCodeSchema = z
  .string()
  .trim()
  .regex(REGION_CODE_PATTERN, { message: 'region_code_format' });

export function regionLevelOf(code: string): RegionLevel {
  const parts = code.split('.').length;
  return REGION_LEVELS[Math.min(parts, 4) - 1]!;
}

/** The parent code (`53.10.01` -> `53.10`), or null for a province. */
export function parentRegionCode(code: string): string | null {
  const i = code.lastIndexOf('.');
  return i === -1 ? null : code.slice(0, i);
}

export const regionSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(REGION_LEVELS),
  parentCode: z.string().nullable(),
});
export type Region = z.infer<typeof regionSchema>;

export const countrySchema = z.object({
  code: z.string().length(2),
  nameId: z.string(),
  nameEn: z.string(),
});
export type Country = z.infer<typeof countrySchema>;

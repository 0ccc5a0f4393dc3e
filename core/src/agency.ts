import { z } from 'zod';
import { regionCodeSchema } from './region.js';

/** HTCDS organisation types. */
export const HTCDS_ORGANISATION_TYPES = [
  'NGO',
  'LawEnforcement',
  'HealthServiceOrganisation',
  'CentralGovernmentOrganisation',
  'LocalGovernmentOrganisation',
  'ImmigrationService',
  'LegalService',
  'CorporateBusiness',
] as const;
export type HtcdsOrganisationType = (typeof HTCDS_ORGANISATION_TYPES)[number];

export const AGENCY_SECTORS = [
  'social',
  'health',
  'police',
  'prosecution',
  'legal_aid',
  'labour_migration',
  'immigration',
  'civil_registry',
  'planning',
  'women_child_protection',
  'ngo',
  'international_organisation',
  'other',
] as const;
export type AgencySector = (typeof AGENCY_SECTORS)[number];

const name = z.string().trim().min(3).max(200);
const shortName = z
  .string()
  .trim()
  .min(2)
  .max(40)
  .regex(/^[A-Za-z0-9][A-Za-z0-9 .&()/-]*$/, { message: 'short_name_format' });

export const agencyCreateSchema = z.object({
  name,
  shortName,
  htcdsType: z.enum(HTCDS_ORGANISATION_TYPES),
  sector: z.enum(AGENCY_SECTORS),
  regionCode: regionCodeSchema,
  taskForceId: z.string().uuid().nullable().optional(),
  active: z.boolean().default(true),
});
export type AgencyCreate = z.infer<typeof agencyCreateSchema>;

export const agencyPatchSchema = z.object({
  version: z.number().int().positive(),
  name: name.optional(),
  shortName: shortName.optional(),
  htcdsType: z.enum(HTCDS_ORGANISATION_TYPES).optional(),
  sector: z.enum(AGENCY_SECTORS).optional(),
  regionCode: regionCodeSchema.optional(),
  taskForceId: z.string().uuid().nullable().optional(),
  active: z.boolean().optional(),
});
export type AgencyPatch = z.infer<typeof agencyPatchSchema>;

export const agencySchema = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string(),
  htcdsType: z.enum(HTCDS_ORGANISATION_TYPES),
  sector: z.enum(AGENCY_SECTORS),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  taskForceId: z.string().nullable(),
  active: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Agency = z.infer<typeof agencySchema>;

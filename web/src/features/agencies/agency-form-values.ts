import type { Agency, AgencyCreate, AgencyPatch, AgencySector, HtcdsOrganisationType } from '@sinergi/core';

/** What the agency form edits; the region is split into the two pickers. */
export interface AgencyFormValues {
  name: string;
  shortName: string;
  htcdsType: string;
  sector: string;
  provinceCode: string;
  regencyCode: string;
  taskForceId: string;
  active: boolean;
}

export function emptyAgencyValues(taskForceId: string | null): AgencyFormValues {
  return {
    name: '',
    shortName: '',
    htcdsType: '',
    sector: '',
    provinceCode: '',
    regencyCode: '',
    taskForceId: taskForceId ?? '',
    active: true,
  };
}

export function agencyToValues(agency: Agency): AgencyFormValues {
  const [province = '', regency] = agency.regionCode.split('.');
  return {
    name: agency.name,
    shortName: agency.shortName,
    htcdsType: agency.htcdsType,
    sector: agency.sector,
    provinceCode: province,
    regencyCode: regency ? `${province}.${regency}` : '',
    taskForceId: agency.taskForceId ?? '',
    active: agency.active,
  };
}

/** The create payload; the schema decides whether it is complete. */
export function valuesToCreate(values: AgencyFormValues): AgencyCreate {
  return {
    name: values.name.trim(),
    shortName: values.shortName.trim(),
    htcdsType: values.htcdsType as HtcdsOrganisationType,
    sector: values.sector as AgencySector,
    regionCode: values.regencyCode || values.provinceCode,
    taskForceId: values.taskForceId || null,
    active: values.active,
  };
}

/** Only what differs from the record the form is based on, with that record's version. */
export function valuesToPatch(values: AgencyFormValues, base: Agency): AgencyPatch {
  const next = valuesToCreate(values);
  const baseValues = agencyToValues(base);
  const patch: AgencyPatch = { version: base.version };
  if (next.name !== base.name) patch.name = next.name;
  if (next.shortName !== base.shortName) patch.shortName = next.shortName;
  if (next.htcdsType !== base.htcdsType) patch.htcdsType = next.htcdsType;
  if (next.sector !== base.sector) patch.sector = next.sector;
  // A region deeper than a regency is kept unless the user picks another one.
  if (values.provinceCode !== baseValues.provinceCode || values.regencyCode !== baseValues.regencyCode)
    patch.regionCode = next.regionCode;
  if ((next.taskForceId ?? null) !== base.taskForceId) patch.taskForceId = next.taskForceId ?? null;
  if (next.active !== base.active) patch.active = next.active;
  return patch;
}

/** Error paths of the API mapped to the fields of this form. */
export const AGENCY_ERROR_FIELDS: Record<string, string> = { regionCode: 'provinceCode' };

import type { CaseDetail } from '@sinergi/core';
import { zonedDateTimeInput } from '../../app/zoned-dates';
import {
  emptyMigrant,
  type MigrantValues,
  newEventKey,
  type ProfileValues,
  type ReportValues,
  type YesNo,
} from './case-form-values';

/** A saved case as the edit forms show it. */

function text(value: string | null | undefined): string {
  return value ?? '';
}

function yesNoValue(value: boolean | null | undefined): YesNo {
  return value === null || value === undefined ? '' : value ? 'yes' : 'no';
}

export function reportFromCase(detail: CaseDetail, zone: string): ReportValues {
  return {
    caseType: detail.caseType,
    reportedAt: zonedDateTimeInput(detail.reportedAt, zone),
    incidentDate: text(detail.incidentDate),
    channel: detail.channel,
    reportingParty: detail.reportingParty,
    risk: detail.risk,
    narrative: text(detail.narrative),
    placeOfOccurrence: text(detail.placeOfOccurrence),
    occurrenceRegionCode: detail.occurrenceRegion?.code ?? '',
    simfoniId: text(detail.simfoniId),
  };
}

export function profileFromCase(detail: CaseDetail): ProfileValues {
  const p = detail.profile;
  return {
    recruitmentMethods: [...p.recruitmentMethods],
    recruitmentPlatforms: [...p.recruitmentPlatforms],
    recruiterRelation: text(p.recruiterRelation),
    exploitationTypes: [...p.exploitationTypes],
    labourSectors: [...p.labourSectors],
    methodsOfControl: [...p.methodsOfControl],
    passportKind: text(p.passportKind),
    forgedDocuments: yesNoValue(p.forgedDocuments),
    documentsWithheld: yesNoValue(p.documentsWithheld),
    departure: text(p.departure),
    destinationCountry: text(p.destinationCountry),
    destinationRegionCode: text(p.destinationRegionCode),
    events: p.events.map((event) => ({
      key: newEventKey(),
      type: event.type,
      date: text(event.date),
      countryCode: text(event.countryCode),
      regionCode: text(event.regionCode),
      description: text(event.description),
    })),
  };
}

export function migrantFromCase(detail: CaseDetail): MigrantValues {
  const empty = emptyMigrant();
  const d = detail.migrant.deportee;
  const x = detail.migrant.deceased;
  return {
    bp2miCategory: text(detail.migrant.bp2miCategory),
    deportee: d
      ? {
          depot: text(d.depot),
          reason: text(d.reason),
          documentUsed: text(d.documentUsed),
          wish: text(d.wish),
          consulateReference: text(d.consulateReference),
          arrivalDate: text(d.arrivalDate),
        }
      : empty.deportee,
    deceased: x
      ? {
          placeOfDeath: text(x.placeOfDeath),
          countryOfDeath: text(x.countryOfDeath),
          dateOfDeath: text(x.dateOfDeath),
          cause: text(x.cause),
          yearsAbroad: x.yearsAbroad === null || x.yearsAbroad === undefined ? '' : String(x.yearsAbroad),
          arrivalDate: text(x.arrivalDate),
          arrivalFlight: text(x.arrivalFlight),
          onwardTransport: text(x.onwardTransport),
          transportPaidBy: text(x.transportPaidBy),
        }
      : empty.deceased,
  };
}

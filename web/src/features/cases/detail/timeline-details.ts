import type { Language } from '@sinergi/core';
import type { TFunction } from 'i18next';
import type { TimelineEvent } from '../case.api';
import { coreLabel, valueLabel } from '../case-values';

function str(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

function fieldLabels(t: TFunction): Record<string, string> {
  return {
    caseType: t('cases.caseType'),
    reportedAt: t('cases.intake.reportedAt'),
    incidentDate: t('cases.intake.incidentDate'),
    channel: t('cases.channel'),
    reportingParty: t('cases.reportingParty'),
    narrative: t('cases.narrative'),
    placeOfOccurrence: t('cases.placeOfOccurrence'),
    occurrenceRegionCode: t('cases.occurrenceRegion'),
    risk: t('cases.risk'),
    simfoniId: t('cases.simfoniId'),
    profile: t('cases.tabs.profile'),
    migrant: t('cases.migrant.section'),
    teamUserIds: t('cases.team'),
    firstResponseAt: t('cases.firstResponseDone'),
    role: t('persons.role'),
    fullName: t('persons.fullName'),
    alias: t('persons.alias'),
    nik: t('persons.nik'),
    birthDate: t('persons.birthDate'),
    estimatedAge: t('persons.estimatedAge'),
    sex: t('persons.sex'),
    nationality: t('persons.nationality'),
    addressRegionCode: t('persons.addressRegion'),
    street: t('persons.street'),
    phone: t('persons.phone'),
    education: t('persons.education'),
    occupation: t('persons.occupation'),
    maritalStatus: t('persons.maritalStatus'),
    disability: t('persons.disability'),
    religion: t('persons.religion'),
    guardianPersonId: t('persons.guardian'),
  };
}

/** The details of a timeline event as short lines in the chosen language. */
export function timelineLines(t: TFunction, lang: Language, event: TimelineEvent): string[] {
  const d = event.details;
  const lines: string[] = [];
  const fields = Array.isArray(d.fields) ? d.fields.map(str) : [];
  switch (event.kind) {
    case 'created':
      lines.push(
        [
          coreLabel(lang, 'caseType', str(d.caseType)),
          coreLabel(lang, 'risk', str(d.risk)),
          valueLabel(lang, 'channels', str(d.channel)),
        ]
          .filter(Boolean)
          .join(' · '),
      );
      break;
    case 'stage_changed':
    case 'reopened':
      lines.push(`${coreLabel(lang, 'stage', str(d.from))} → ${coreLabel(lang, 'stage', str(d.to))}`);
      if (d.closureReason)
        lines.push(
          `${t('cases.transition.closureReason')}: ${valueLabel(lang, 'closureReasons', str(d.closureReason))}`,
        );
      if (str(d.reason)) lines.push(`${t('cases.transition.reason')}: ${str(d.reason)}`);
      break;
    case 'screening_recorded':
      lines.push(valueLabel(lang, 'screeningResults', str(d.result)));
      if (d.overridden === true)
        lines.push(
          t('screening.overriddenFrom', { result: valueLabel(lang, 'screeningResults', str(d.computed)) }),
        );
      lines.push(t('screening.checklistVersion', { version: str(d.checklistVersion) }));
      break;
    case 'person_added':
      lines.push(valueLabel(lang, 'personRoles', str(d.role)));
      if (Number(d.duplicates) > 0) lines.push(t('persons.duplicatesCount', { count: Number(d.duplicates) }));
      break;
    case 'consent_recorded':
      if (Array.isArray(d.scopes))
        lines.push(d.scopes.map((s) => valueLabel(lang, 'consentScopes', str(s))).join(', '));
      break;
    case 'updated':
    case 'person_updated': {
      const labels = fieldLabels(t);
      if (fields.length)
        lines.push(t('cases.timeline.changed', { fields: fields.map((f) => labels[f] ?? f).join(', ') }));
      break;
    }
    case 'referral_sent':
    case 'referral_accepted':
    case 'referral_declined':
    case 'referral_completed':
    case 'referral_revoked':
      if (str(d.toAgency)) lines.push(`→ ${str(d.toAgency)}`);
      if (Array.isArray(d.services))
        lines.push(d.services.map((s) => t(`services.types.${str(s)}` as 'services.types.other')).join(', '));
      if (d.consentOverride === true) lines.push(t('services.referral.overrideBadge'));
      break;
    case 'service_recorded':
    case 'service_status_changed':
      lines.push(
        [
          t(`services.types.${str(d.type)}` as 'services.types.other'),
          d.to ? t(`services.statuses.${str(d.to)}` as 'services.statuses.requested') : '',
        ]
          .filter(Boolean)
          .join(' · '),
      );
      break;
    default:
      break;
  }
  return lines.filter(Boolean);
}

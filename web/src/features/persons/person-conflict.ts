import type { Language, PersonView } from '@sinergi/core';
import type { TFunction } from 'i18next';
import type { ConflictRow } from '../../app/ui/VersionConflictDialog';
import { valueLabel } from '../cases/case-values';
import { type PersonValues, personToValues } from './person-form-values';

/** Both versions of a person, field by field, for the version-conflict dialog. */
export function personConflictRows(
  t: TFunction,
  lang: Language,
  mine: PersonValues,
  current: PersonView,
  today: string,
): ConflictRow[] {
  const theirs = personToValues(current, today);
  const row = (label: string, key: keyof PersonValues, list?: Parameters<typeof valueLabel>[1]) => {
    const a = String(mine[key] ?? '');
    const b = String(theirs[key] ?? '');
    return {
      label,
      yours: list ? valueLabel(lang, list, a) : a,
      theirs: list ? valueLabel(lang, list, b) : b,
    };
  };
  return [
    row(t('persons.role'), 'role', 'personRoles'),
    row(t('persons.fullName'), 'fullName'),
    row(t('persons.alias'), 'alias'),
    row(t('persons.nik'), 'nik'),
    row(t('persons.birthDate'), 'birthDate'),
    row(t('persons.estimatedAge'), 'estimatedAge'),
    row(t('persons.sex'), 'sex', 'genders'),
    row(t('persons.nationality'), 'nationality'),
    row(t('persons.addressRegion'), 'addressRegionCode'),
    row(t('persons.street'), 'street'),
    row(t('persons.phone'), 'phone'),
    row(t('persons.education'), 'education', 'educationLevels'),
    row(t('persons.occupation'), 'occupation'),
    row(t('persons.maritalStatus'), 'maritalStatus', 'maritalStatuses'),
    row(t('persons.religion'), 'religion', 'religions'),
    row(t('persons.disability'), 'disability'),
    row(t('persons.guardian'), 'guardian'),
  ];
}

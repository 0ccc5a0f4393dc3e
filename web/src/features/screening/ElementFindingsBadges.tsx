import { Group } from '@mantine/core';
import { type ElementFindings, SCREENING_ELEMENTS } from '@sinergi/core';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../app/ui/StatusBadge';
import { useLanguage } from '../../i18n';
import { valueLabel } from '../cases/case-values';

/** "Proses: ada", "Cara: tidak ada", ...: each element in words and colour. */
export function ElementFindingsBadges({ elements }: { elements: ElementFindings }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <Group gap={6} wrap="wrap">
      {SCREENING_ELEMENTS.map((element) => (
        <StatusBadge
          key={element}
          color={elements[element] ? 'teal' : 'gray'}
          label={t(elements[element] ? 'screening.elementFound' : 'screening.elementMissing', {
            element: valueLabel(lang, 'screeningElements', element),
          })}
        />
      ))}
    </Group>
  );
}

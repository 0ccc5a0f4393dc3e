import { SegmentedControl, VisuallyHidden } from '@mantine/core';
import type { Language } from '@sinergi/core';
import { useTranslation } from 'react-i18next';
import { changeLanguage, useLanguage } from '../i18n';

/** ID / EN; the choice is remembered in this browser. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useLanguage();
  const option = (value: Language, short: string) => ({
    value,
    label: (
      <>
        <span aria-hidden="true">{short}</span>
        <VisuallyHidden>{t(`language.${value}`)}</VisuallyHidden>
      </>
    ),
  });
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language.label')}
      value={language}
      onChange={(value) => void changeLanguage(value === 'en' ? 'en' : 'id')}
      data={[option('id', 'ID'), option('en', 'EN')]}
    />
  );
}

import type { ChecklistIndicator, Language } from '@sinergi/core';

export const RESULT_COLORS: Record<string, string> = {
  identified: 'grape',
  potential: 'orange',
  not_tppo: 'gray',
};

export function indicatorLabel(indicator: ChecklistIndicator, lang: Language): string {
  return lang === 'en' ? indicator.labelEn : indicator.labelId;
}

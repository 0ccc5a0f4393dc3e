import type { MantineColor } from '@mantine/core';
import { type CaseSummary, type DeadlineState, describeDeadline } from '@sinergi/core';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../app/ui/StatusBadge';
import { useLanguage } from '../../i18n';
import { coreLabel } from './case-values';

const STAGE_COLORS: Record<string, MantineColor> = {
  reported: 'blue',
  screening: 'cyan',
  not_tppo: 'gray',
  referred_elsewhere: 'gray',
  identified: 'grape',
  assessment: 'indigo',
  service_plan: 'indigo',
  in_services: 'teal',
  repatriation: 'teal',
  reintegration: 'teal',
  monitoring: 'lime',
  closed: 'dark',
};

const RISK_COLORS: Record<string, MantineColor> = { high: 'red', medium: 'orange', low: 'green' };

export function StageBadge({ stage }: { stage: string }) {
  const lang = useLanguage();
  return <StatusBadge label={coreLabel(lang, 'stage', stage)} color={STAGE_COLORS[stage] ?? 'gray'} />;
}

export function RiskBadge({ risk }: { risk: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const level = coreLabel(lang, 'risk', risk);
  // "Risiko tinggi" / "High risk": Indonesian puts the level second, in lower case.
  const label = t('cases.riskBadge', { risk: lang === 'id' ? level.toLowerCase() : level });
  return <StatusBadge label={label} color={RISK_COLORS[risk] ?? 'gray'} />;
}

/** The API's deadline view as core's deadline state, to be described in words. */
export function deadlineOf(view: CaseSummary['firstResponse']): DeadlineState {
  if (view.status === 'met') return { status: 'met', lateByMs: view.ms };
  if (view.status === 'due') return { status: 'due', dueInMs: view.ms };
  return { status: 'overdue', overdueByMs: view.ms };
}

const DEADLINE_COLORS: Record<DeadlineState['status'], MantineColor> = {
  met: 'teal',
  due: 'yellow',
  overdue: 'red',
};

/** "Terlambat 3 hari" in red, "Jatuh tempo dalam 5 jam" in yellow: words and colour. */
export function FirstResponseBadge({ firstResponse }: { firstResponse: CaseSummary['firstResponse'] }) {
  const lang = useLanguage();
  const state = deadlineOf(firstResponse);
  const words = describeDeadline(state, lang);
  const late = state.status === 'met' && state.lateByMs > 0;
  return (
    <StatusBadge
      label={words.charAt(0).toUpperCase() + words.slice(1)}
      color={late ? 'orange' : DEADLINE_COLORS[state.status]}
    />
  );
}

import type { MantineColor } from '@mantine/core';
import { type ReferralStatus, SERVICE_TYPE_IDS, type ServiceStatus, SOP_STAGES } from '@sinergi/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../app/ui/StatusBadge';

const SERVICE_COLORS: Record<ServiceStatus, MantineColor> = {
  requested: 'yellow',
  accepted: 'blue',
  in_progress: 'indigo',
  completed: 'teal',
  declined: 'red',
  cancelled: 'gray',
};
const REFERRAL_COLORS: Record<ReferralStatus, MantineColor> = {
  pending: 'yellow',
  accepted: 'blue',
  completed: 'teal',
  declined: 'red',
  revoked: 'gray',
};

export function ServiceStatusBadge({ status }: { status: ServiceStatus }) {
  const { t } = useTranslation();
  return <StatusBadge label={t(`services.statuses.${status}`)} color={SERVICE_COLORS[status]} />;
}

export function ReferralStatusBadge({ status }: { status: ReferralStatus }) {
  const { t } = useTranslation();
  return <StatusBadge label={t(`services.referralStatuses.${status}`)} color={REFERRAL_COLORS[status]} />;
}

export function serviceTypeOptions(t: TFunction) {
  return SERVICE_TYPE_IDS.map((v) => ({ value: v, label: t(`services.types.${v}`) }));
}

export function stageOptions(t: TFunction) {
  return SOP_STAGES.map((v) => ({ value: v, label: t(`services.stages.${v}`) }));
}

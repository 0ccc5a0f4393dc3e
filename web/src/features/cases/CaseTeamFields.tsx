import { MultiSelect, Select, SimpleGrid, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiRequest } from '../../app/api-client';
import { useSessionInfo } from '../../app/session';
import { Fact } from '../../app/ui/Fact';
import { FormSection } from '../../app/ui/FormSection';
import { useAgencyOptions } from '../agencies/agency.api';

export interface TeamValues {
  /** '' while the case is led by the user's own agency. */
  leadAgencyId: string;
  teamUserIds: string[];
}

interface TeamCandidate {
  id: string;
  displayName: string;
}

function useTeamCandidates(agencyId: string) {
  return useQuery({
    queryKey: ['cases', 'team-candidates', agencyId],
    queryFn: ({ signal }) =>
      apiRequest<{ items: TeamCandidate[] }>('/cases/team-candidates', { query: { agencyId }, signal }),
    select: (data) => data.items,
    staleTime: 60_000,
  });
}

interface CaseTeamFieldsProps {
  value: TeamValues;
  onChange: (next: TeamValues) => void;
  errors: Record<string, string | undefined>;
  /** On a new case coordinators choose the lead agency; an existing case keeps its own. */
  chooseLeadAgency: boolean;
  /** Editing an existing team: the user is listed too and may leave it. */
  includeSelf?: boolean;
  /** Members already on the team who are not candidates (a coordinator who recorded the case). */
  currentMembers?: TeamCandidate[];
}

/**
 * The lead agency (coordinators choose it among the task force's agencies) and the case managers
 * who form the case team with the user. The team is the need-to-know boundary: only they see
 * the victims' identities.
 */
export function CaseTeamFields(props: CaseTeamFieldsProps) {
  const { value, onChange, errors, chooseLeadAgency, includeSelf, currentMembers = [] } = props;
  const { t } = useTranslation();
  const info = useSessionInfo();
  const coordinator = info.user.roles.includes('coordinator');
  const agencies = useAgencyOptions({ activeOnly: true });
  const leadAgencyId = value.leadAgencyId || info.user.agencyId;
  const candidates = useTeamCandidates(leadAgencyId);
  const agencyOptions = (agencies.data ?? [])
    .filter((a) => a.taskForceId === info.taskForce?.id)
    .map((a) => ({ value: a.id, label: a.name }));
  const listed = candidates.data ?? [];
  const teamOptions = [...listed, ...currentMembers.filter((m) => !listed.some((u) => u.id === m.id))]
    .filter((u) => includeSelf || u.id !== info.user.id)
    .map((u) => ({ value: u.id, label: u.displayName }));
  const leaving = includeSelf && !value.teamUserIds.includes(info.user.id);

  return (
    <FormSection legend={t('cases.teamSection.title')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        {chooseLeadAgency && coordinator ? (
          <Select
            label={t('cases.leadAgency')}
            description={t('cases.teamSection.leadAgencyHelp')}
            data={agencyOptions}
            value={leadAgencyId}
            onChange={(next) => onChange({ leadAgencyId: next ?? '', teamUserIds: [] })}
            allowDeselect={false}
            searchable
            error={errors.leadAgencyId}
          />
        ) : null}
        <MultiSelect
          label={t('cases.team')}
          description={t(includeSelf ? 'cases.teamSection.teamHelpEdit' : 'cases.teamSection.teamHelp')}
          placeholder={teamOptions.length ? t('cases.teamSection.choose') : undefined}
          data={teamOptions}
          value={value.teamUserIds.filter(
            (id) => teamOptions.some((o) => o.value === id) || candidates.isPending,
          )}
          onChange={(teamUserIds) => onChange({ ...value, teamUserIds })}
          searchable
          clearable
          nothingFoundMessage={t('cases.teamSection.nobody')}
          error={errors.teamUserIds ?? (candidates.isError ? t('cases.teamSection.loadFailed') : undefined)}
        />
      </SimpleGrid>
      <Text size="sm" c={leaving ? 'orange.8' : 'dimmed'} mt="xs" aria-live="polite">
        {includeSelf
          ? t(leaving ? 'cases.teamSection.leaving' : 'cases.teamSection.editHelp')
          : t('cases.teamSection.selfIncluded')}
      </Text>
    </FormSection>
  );
}

/** The team as the review step shows it: the user, then the colleagues chosen. */
export function TeamSummary({ value }: { value: TeamValues }) {
  const { t } = useTranslation();
  const info = useSessionInfo();
  const agencies = useAgencyOptions({ activeOnly: true });
  const leadAgencyId = value.leadAgencyId || info.user.agencyId;
  const candidates = useTeamCandidates(leadAgencyId);
  const names = value.teamUserIds.map((id) => candidates.data?.find((u) => u.id === id)?.displayName ?? '…');
  const agency = agencies.data?.find((a) => a.id === leadAgencyId)?.name ?? '';
  return (
    <>
      <Fact label={t('cases.leadAgency')}>{agency}</Fact>
      <Fact label={t('cases.team')}>{[info.user.displayName, ...names].join(', ')}</Fact>
    </>
  );
}

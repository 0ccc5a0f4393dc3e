import { Card, Skeleton } from '@mantine/core';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import type { Person } from './dialog-form';
import { RepatriationChain } from './RepatriationChain';
import { useReintegration } from './reintegration.api';

/**
 * The chain home as the agency referred to for repatriation sees it (walkthrough 4: Dinas Sosial
 * brings a deportee from Kupang to his village): the legs of the persons referred to it, which it
 * records itself; the rest of the case stays with the case team.
 */
export function ReferralRepatriation({ caseId, persons }: { caseId: string; persons: Person[] }) {
  const data = useReintegration(caseId);
  if (data.isPending) return <Skeleton height={160} radius="md" />;
  if (!data.data) return <ErrorAlert error={data.error} onRetry={() => void data.refetch()} />;
  return (
    <Card withBorder radius="md" padding="md">
      <RepatriationChain
        caseId={caseId}
        legs={data.data.legs}
        persons={persons}
        canRecord={data.data.abilities.addLeg}
        withDocuments={false}
      />
    </Card>
  );
}

import { Anchor, Badge, Button, Group, Text, Timeline, Title } from '@mantine/core';
import { formatRupiah, type Reintegration } from '@sinergi/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { useZonedToday } from '../../app/zoned-dates';
import { useLanguage } from '../../i18n';
import { formatDay } from '../cases/format-day';
import { downloadDocument, useDocuments } from '../documents/document.api';
import type { Person } from './dialog-form';
import { LegDialog, LegEditDialog } from './LegDialog';
import { useUpdateLeg } from './reintegration.api';

interface RepatriationChainProps {
  caseId: string;
  legs: Reintegration['legs'];
  /** Who a leg may be recorded for (the case's victims, or the persons referred to the agency). */
  persons: Person[];
  /** May add legs and record what happened on them. */
  canRecord: boolean;
  /** The case's documents are readable (the case team): hand-over reports are linked. */
  withDocuments: boolean;
}

/** The chain home, one hand-over per leg, by place name, with the button to add a leg. */
export function RepatriationChain({
  caseId,
  legs,
  persons,
  canRecord,
  withDocuments,
}: RepatriationChainProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const today = useZonedToday();
  const updateLeg = useUpdateLeg();
  const [adding, setAdding] = useState(false);
  const [editingLeg, setEditingLeg] = useState<string | null>(null);
  const editing = editingLeg ? legs.find((l) => l.id === editingLeg) : undefined;
  return (
    <section aria-labelledby="chain-heading">
      <Group justify="space-between" align="center" mb="sm" gap="sm">
        <Title order={2} fz="h4" id="chain-heading">
          {t('reintegration.chainTitle')}
        </Title>
        {canRecord ? (
          <Button variant="default" onClick={() => setAdding(true)} disabled={!persons.length}>
            {t('reintegration.addLeg')}
          </Button>
        ) : null}
      </Group>
      {legs.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('reintegration.chainEmpty')}
        </Text>
      ) : (
        <Timeline active={legs.filter((l) => l.actualDate).length - 1} bulletSize={20} lineWidth={2}>
          {legs.map((l) => (
            <Timeline.Item key={l.id} title={`${l.fromName} → ${l.toName}`} data-testid="repatriation-leg">
              <Text size="sm">
                {l.agency} · {l.personInitials}
                {l.transport ? ` · ${l.transport}` : ''}
                {l.cost !== null ? ` · ${formatRupiah(l.cost, lang)}${l.paidBy ? ` (${l.paidBy})` : ''}` : ''}
              </Text>
              <Text size="sm" c="dimmed">
                {t('reintegration.planned')} {formatDay(l.plannedDate, lang)} ·{' '}
                {l.actualDate
                  ? `${t('reintegration.actual')} ${formatDay(l.actualDate, lang)}`
                  : t('reintegration.notYet')}
              </Text>
              {l.escort ? (
                <Text size="sm">
                  {t('reintegration.escort')}: {l.escort}
                </Text>
              ) : null}
              {l.escortMissing ? (
                <Badge color="orange" radius="sm" mt={4}>
                  {t('reintegration.escortMissing')}
                </Badge>
              ) : null}
              {l.handoverDocumentId && withDocuments ? (
                <HandoverLink caseId={caseId} documentId={l.handoverDocumentId} />
              ) : null}
              {canRecord ? (
                <Group gap={6} mt={4}>
                  {!l.actualDate && l.plannedDate <= today ? (
                    <Button
                      size="compact-xs"
                      variant="light"
                      loading={updateLeg.isPending}
                      onClick={() => updateLeg.mutate({ id: l.id, version: l.version, actualDate: today })}
                    >
                      {t('reintegration.markDone')}
                    </Button>
                  ) : null}
                  <Button size="compact-xs" variant="subtle" onClick={() => setEditingLeg(l.id)}>
                    {t('reintegration.edit')}
                  </Button>
                </Group>
              ) : null}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
      {editing ? (
        <LegEditDialog
          caseId={caseId}
          leg={editing}
          withDocuments={withDocuments}
          onClose={() => setEditingLeg(null)}
        />
      ) : null}
      {adding ? (
        <LegDialog caseId={caseId} persons={persons} legs={legs} onClose={() => setAdding(false)} />
      ) : null}
    </section>
  );
}

/** The hand-over report of a leg: its name and a download for the case team. */
function HandoverLink({ caseId, documentId }: { caseId: string; documentId: string }) {
  const { t } = useTranslation();
  const [failed, setFailed] = useState<unknown>(null);
  const document = useDocuments(caseId).data?.find((d) => d.id === documentId);
  return (
    <Text size="sm">
      {t('reintegration.handover')}:{' '}
      {document?.filename ? (
        <Anchor
          component="button"
          type="button"
          size="sm"
          onClick={() => {
            setFailed(null);
            downloadDocument(caseId, document).catch(setFailed);
          }}
        >
          {document.filename}
        </Anchor>
      ) : (
        t('documents.nameHidden')
      )}
      {failed ? <ErrorAlert error={failed} /> : null}
    </Text>
  );
}

import { Button, Card, Group, Modal, Skeleton, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type CaseDetail, formatDateTime } from '@sinergi/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api-client';
import { useTimeZone } from '../../app/session';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { useLanguage } from '../../i18n';
import { valueLabel } from '../cases/case-values';
import { usePersons } from '../persons/person.api';
import { DocumentUpload } from './DocumentUpload';
import { type CaseDocument, downloadDocument, useDocuments, useRemoveDocument } from './document.api';
import { documentKind, formatSize } from './document-labels';

/** Files of the case: upload, list, download (case team) and removal with a reason. */
export function DocumentsTab({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const zone = useTimeZone();
  const documents = useDocuments(detail.id);
  const persons = usePersons(detail.id);
  const remove = useRemoveDocument(detail.id);
  const [removing, setRemoving] = useState<CaseDocument | null>(null);
  const [reason, setReason] = useState('');
  const full = detail.access === 'full';
  const people = persons.data ?? [];
  const personTitle = (id: string) => {
    const person = people.find((p) => p.id === id);
    if (!person) return '';
    const n = people.filter((p) => p.role === person.role).findIndex((p) => p.id === id) + 1;
    return `${valueLabel(lang, 'personRoles', person.role)} ${n}`;
  };

  const download = (doc: CaseDocument) =>
    downloadDocument(detail.id, doc).catch((error: unknown) =>
      notifications.show({ color: 'red', message: errorMessage(error, lang, t('errors.network')) }),
    );

  return (
    <Stack gap="lg">
      {detail.abilities.uploadDocument ? (
        <section aria-labelledby="documents-upload">
          <Title order={2} fz="h4" mb="sm" id="documents-upload">
            {t('documents.uploadTitle')}
          </Title>
          <DocumentUpload
            caseId={detail.id}
            people={people.map((p) => ({ value: p.id, label: personTitle(p.id) }))}
          />
        </section>
      ) : null}
      <section aria-labelledby="documents-list">
        <Title order={2} fz="h4" mb="sm" id="documents-list">
          {t('documents.listTitle')}
        </Title>
        {documents.isPending ? (
          <Skeleton height={80} radius="md" />
        ) : documents.isError ? (
          <ErrorAlert error={documents.error} onRetry={() => void documents.refetch()} />
        ) : documents.data.length === 0 ? (
          <Text size="sm">
            {detail.abilities.uploadDocument ? t('documents.emptyTeam') : t('documents.empty')}
          </Text>
        ) : (
          <Stack gap="sm">
            {documents.data.map((doc) => (
              <Card key={doc.id} withBorder radius="md" padding="sm" component="article">
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <div style={{ minWidth: 0, flex: '1 1 14rem' }}>
                    <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {doc.filename ?? t('documents.nameHidden')}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {[
                        documentKind(doc.mime),
                        formatSize(doc.size, lang),
                        formatDateTime(doc.uploadedAt, lang, zone),
                        doc.uploadedBy,
                        doc.personId ? personTitle(doc.personId) : null,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </Text>
                  </div>
                  {full ? (
                    <Group gap="xs" className="no-print">
                      <Button size="xs" variant="light" onClick={() => void download(doc)}>
                        {t('documents.download')}
                      </Button>
                      {detail.abilities.uploadDocument ? (
                        <Button size="xs" variant="subtle" color="red" onClick={() => setRemoving(doc)}>
                          {t('common.remove')}
                        </Button>
                      ) : null}
                    </Group>
                  ) : null}
                </Group>
              </Card>
            ))}
          </Stack>
        )}
      </section>
      <Modal
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        title={t('documents.removeTitle')}
        centered
      >
        <Stack gap="sm">
          <Text size="sm">{t('documents.removeBody', { name: removing?.filename ?? '' })}</Text>
          <Textarea
            label={t('cases.transition.reason')}
            withAsterisk
            autosize
            minRows={2}
            maxLength={500}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
          />
          {remove.isError ? (
            <ErrorAlert error={remove.error} title={t('errors.saveFailed')} showFieldMessages />
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setRemoving(null)} data-autofocus>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              disabled={reason.trim().length < 3}
              loading={remove.isPending}
              onClick={() =>
                removing &&
                remove.mutate(
                  { documentId: removing.id, reason: reason.trim() },
                  {
                    onSuccess: () => {
                      notifications.show({ color: 'teal', message: t('documents.removed') });
                      setRemoving(null);
                      setReason('');
                    },
                  },
                )
              }
            >
              {t('documents.removeConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

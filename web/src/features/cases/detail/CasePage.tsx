import { Alert, Button, Skeleton, Stack, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { isApiError } from '../../../app/api-client';
import { NotFoundPage } from '../../../app/NotFoundPage';
import { useSessionInfo } from '../../../app/session';
import { ErrorAlert } from '../../../app/ui/ErrorAlert';
import { PageHeader } from '../../../app/ui/PageHeader';
import { useLanguage } from '../../../i18n';
import { DocumentsTab } from '../../documents/DocumentsTab';
import { EmergencyAccessAlert } from '../../emergency/EmergencyAccessAlert';
import { LegalTab } from '../../legal/LegalTab';
import { DuplicateNotices } from '../../persons/DuplicateNotices';
import { PeopleTab } from '../../persons/PeopleTab';
import type { DuplicateNotice } from '../../persons/person.api';
import { ReintegrationTab } from '../../reintegration/ReintegrationTab';
import { ScreeningTab } from '../../screening/ScreeningTab';
import { ServicesTab } from '../../services/ServicesTab';
import { useCase } from '../case.api';
import { coreLabel } from '../case-values';
import { AccessLogTab } from './AccessLogTab';
import { CasePrintSummary } from './CasePrintSummary';
import { PendingIntakeAlert } from './PendingIntakeAlert';
import { ProfileTab } from './ProfileTab';
import { SummaryTab } from './SummaryTab';
import { TimelineTab } from './TimelineTab';

const TABS = [
  'summary',
  'people',
  'profile',
  'screening',
  'services',
  'reintegration',
  'documents',
  'legal',
  'timeline',
  'accessLog',
] as const;
type Tab = (typeof TABS)[number];

function duplicatesFromState(state: unknown): DuplicateNotice[] {
  if (!state || typeof state !== 'object' || !('duplicates' in state)) return [];
  const list = (state as { duplicates: unknown }).duplicates;
  return Array.isArray(list) ? (list as DuplicateNotice[]) : [];
}

/** One case: summary, people, profile, screening, documents and timeline, each on its own tab. */
export function CasePage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { id = '' } = useParams();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const detail = useCase(id);
  const session = useSessionInfo();
  const [notices, setNotices] = useState<DuplicateNotice[]>(() => duplicatesFromState(location.state));
  const [printing, setPrinting] = useState(false);
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as Tab)
    : 'summary';

  if (detail.isError && isApiError(detail.error) && detail.error.status === 404) return <NotFoundPage />;
  const data = detail.data;
  // Who saw what: for the case team and the task force's coordinators (the server decides again).
  const mayReadAccessLog = data?.access === 'full' || session.user.roles.includes('coordinator');

  const print = () => {
    const done = () => {
      setPrinting(false);
      window.removeEventListener('afterprint', done);
    };
    window.addEventListener('afterprint', done);
    window.print();
  };

  return (
    <div className={printing ? 'case-printing' : undefined}>
      <div className="print-hide">
        <PageHeader
          title={data?.caseNumber ?? t('cases.title')}
          description={
            data
              ? `${coreLabel(lang, 'caseType', data.caseType)} · ${coreLabel(lang, 'stage', data.stage)}`
              : t('cases.description')
          }
          action={
            <>
              {data ? (
                <Button
                  variant="default"
                  onClick={() => setPrinting(true)}
                  loading={printing}
                  className="no-print"
                >
                  {t('cases.print.action')}
                </Button>
              ) : null}
              <Button component={Link} to="/cases" variant="default" className="no-print">
                {t('common.back')}
              </Button>
            </>
          }
        />
        {detail.isPending ? (
          <Stack gap="sm" aria-busy="true" aria-label={t('app.loading')}>
            <Skeleton height={48} radius="md" />
            <Skeleton height={200} radius="md" />
          </Stack>
        ) : !data ? (
          <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />
        ) : (
          <>
            <PendingIntakeAlert caseId={data.id} onDuplicates={setNotices} />
            <EmergencyAccessAlert caseId={data.id} />
            <DuplicateNotices notices={notices} onClose={() => setNotices([])} />
            {data.access === 'limited' ? (
              <Alert color="blue" variant="light" mb="md" title={t('cases.limited.title')}>
                <Text size="sm">{t('cases.limited.body')}</Text>
              </Alert>
            ) : null}
            <Tabs
              value={tab}
              onChange={(value) =>
                setParams(value && value !== 'summary' ? { tab: value } : {}, { replace: true })
              }
              keepMounted={false}
            >
              <Tabs.List mb="md" className="no-print">
                {TABS.filter((name) => name !== 'accessLog' || mayReadAccessLog).map((name) => (
                  <Tabs.Tab key={name} value={name}>
                    {t(`cases.tabs.${name}`)}
                  </Tabs.Tab>
                ))}
              </Tabs.List>
              <Tabs.Panel value="summary">
                <SummaryTab detail={data} />
              </Tabs.Panel>
              <Tabs.Panel value="people">
                <PeopleTab detail={data} />
              </Tabs.Panel>
              <Tabs.Panel value="profile">
                <ProfileTab detail={data} />
              </Tabs.Panel>
              <Tabs.Panel value="screening">
                <ScreeningTab detail={data} />
              </Tabs.Panel>
              <Tabs.Panel value="services">
                <ServicesTab caseId={data.id} canSeeCase />
              </Tabs.Panel>
              <Tabs.Panel value="reintegration">
                <ReintegrationTab caseId={data.id} />
              </Tabs.Panel>
              <Tabs.Panel value="documents">
                <DocumentsTab detail={data} />
              </Tabs.Panel>
              <Tabs.Panel value="legal">
                <LegalTab caseId={data.id} />
              </Tabs.Panel>
              <Tabs.Panel value="timeline">
                <TimelineTab caseId={data.id} />
              </Tabs.Panel>
              {mayReadAccessLog ? (
                <Tabs.Panel value="accessLog">
                  <AccessLogTab caseId={data.id} />
                </Tabs.Panel>
              ) : null}
            </Tabs>
          </>
        )}
      </div>
      {printing && data ? <CasePrintSummary detail={data} onReady={print} /> : null}
    </div>
  );
}

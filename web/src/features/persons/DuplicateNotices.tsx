import { Alert, Anchor, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLanguage } from '../../i18n';
import { valueLabel } from '../cases/case-values';
import type { DuplicateNotice } from './person.api';

/**
 * Possible duplicates found when people were saved. A case outside the user's access is not
 * named: only that it exists, and that the secretariat can resolve it.
 */
export function DuplicateNotices({ notices, onClose }: { notices: DuplicateNotice[]; onClose?: () => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  if (notices.length === 0) return null;
  return (
    <Alert
      color="orange"
      variant="light"
      title={t('persons.duplicates.title')}
      withCloseButton={onClose !== undefined}
      onClose={onClose}
      closeButtonLabel={t('common.close')}
    >
      <Text size="sm" mb="xs">
        {t('persons.duplicates.body')}
      </Text>
      <List size="sm" spacing={4}>
        {notices.flatMap((notice) =>
          notice.duplicates.map((dup, index) => {
            const who = `${valueLabel(lang, 'personRoles', notice.role)} ${notice.ordinal}`;
            const how = t(`persons.duplicates.kind.${dup.kind}`);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: two hidden duplicates look the same; the list never reorders
              <List.Item key={`${notice.role}-${notice.ordinal}-${dup.caseId ?? 'hidden'}-${index}`}>
                {dup.caseId ? (
                  <>
                    {t('persons.duplicates.visible', { who, how })}{' '}
                    <Anchor component={Link} to={`/cases/${dup.caseId}`}>
                      {dup.caseNumber}
                    </Anchor>
                  </>
                ) : (
                  t('persons.duplicates.hidden', { who, how })
                )}
              </List.Item>
            );
          }),
        )}
      </List>
    </Alert>
  );
}

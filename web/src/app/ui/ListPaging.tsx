import { Group, Pagination, Text } from '@mantine/core';
import { formatNumber } from '@sinergi/core';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n';

interface ListPagingProps {
  page: number;
  pageSize: number;
  total: number;
  /** false when `total` is a lower bound (the server stopped counting): one more page is offered. */
  totalExact?: boolean;
  onPageChange: (page: number) => void;
}

/** "Showing 1–25 of 42" (or "of more than 1,000") and the page buttons. */
export function ListPaging({ page, pageSize, total, totalExact = true, onPageChange }: ListPagingProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const pages = Math.max(1, Math.ceil(total / pageSize) + (totalExact ? 0 : 1));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <Group justify="space-between" mt="md" gap="sm" wrap="wrap">
      <Text size="sm" c="dimmed" aria-live="polite">
        {total === 0
          ? t('paging.none')
          : t(totalExact ? 'paging.summary' : 'paging.summaryMore', {
              from: formatNumber(from, lang),
              to: formatNumber(to, lang),
              total: formatNumber(total, lang),
            })}
      </Text>
      {pages > 1 ? (
        <Pagination
          total={pages}
          value={Math.min(page, pages)}
          onChange={onPageChange}
          size="sm"
          siblings={1}
          boundaries={1}
          aria-label={t('paging.label')}
          getItemProps={(p) => ({ 'aria-label': `${t('paging.label')} ${p}` })}
        />
      ) : null}
    </Group>
  );
}

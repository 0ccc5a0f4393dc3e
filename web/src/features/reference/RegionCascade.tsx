import { Alert, SimpleGrid, Stack, Text } from '@mantine/core';
import { REGION_LEVELS, type RegionLevel, regionLevelOf } from '@sinergi/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PlacePicker } from './PlacePicker';
import { RegionLevelSelect, SelectLoadFailed } from './RegionLevelSelect';
import { useRegionChildren } from './region.api';

interface RegionCascadeProps {
  /** Names the group of selects, e.g. "Alamat" or "Tempat kejadian". */
  label: string;
  description?: string;
  /** A Kemendagri code at any level, or '' for none. */
  value: string;
  onChange: (code: string) => void;
  /** The deepest level offered (a filter by kecamatan stops at `district`, an address goes to `village`). */
  deepest: RegionLevel;
  /** A fixed ancestor (e.g. the task force's regency): only the levels below it are offered. */
  root?: string | null;
  error?: string;
  disabled?: boolean;
}

/** The part of `code` down to `level`, or '' when the code does not go that deep. */
function codeAt(code: string, level: number): string {
  const parts = code ? code.split('.') : [];
  return parts.length > level ? parts.slice(0, level + 1).join('.') : '';
}

/** Province, regency, district and village selects, each offering the children of the one above. */
export function RegionCascade({
  label,
  description,
  value,
  onChange,
  deepest,
  root = null,
  error,
  disabled,
}: RegionCascadeProps) {
  const { t } = useTranslation();
  const labelId = useId();
  const first = root ? REGION_LEVELS.indexOf(regionLevelOf(root)) + 1 : 0;
  const last = REGION_LEVELS.indexOf(deepest);
  const inRoot = !root || value === root || value.startsWith(`${root}.`);
  const current = inRoot ? value : '';
  const rootOptions = useRegionChildren(root, first <= last);
  const levels: number[] = [];
  for (let level = first; level <= last; level++) levels.push(level);
  // The message sits at the first level still open, or at the deepest when all are chosen.
  const errorLevel = levels.find((level) => codeAt(current, level) === '') ?? last;

  return (
    <Stack gap={4} role="group" aria-labelledby={labelId}>
      <Text id={labelId} size="sm" fw={600}>
        {label}
      </Text>
      {description ? (
        <Text size="xs" c="dimmed">
          {description}
        </Text>
      ) : null}
      {levels.length > 1 ? (
        <PlacePicker
          kind="region"
          label={t('reference.findRegion')}
          within={root}
          value={current}
          disabled={disabled}
          // A place deeper than this field keeps (a village for a kecamatan filter) counts as its ancestor.
          onChange={(code) => onChange(code ? codeAt(code, last) || code : '')}
        />
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: Math.min(levels.length, 2) }} spacing="sm">
        {levels.map((level) => {
          const parent = level === first ? root : codeAt(current, level - 1);
          const levelName = REGION_LEVELS[level] as RegionLevel;
          return (
            <RegionLevelSelect
              key={levelName}
              label={t(`reference.levels.${levelName}`)}
              parent={parent}
              enabled={level === first || parent !== ''}
              value={codeAt(current, level)}
              disabled={disabled}
              error={level === errorLevel ? error : undefined}
              onChange={(code) => onChange(code || (level === first ? '' : codeAt(current, level - 1)))}
            />
          );
        })}
      </SimpleGrid>
      {rootOptions.isError ? <SelectLoadFailed /> : null}
      {!inRoot && value ? (
        <Alert color="yellow" variant="light">
          {t('reference.outsideRegion', { code: value })}
        </Alert>
      ) : null}
    </Stack>
  );
}

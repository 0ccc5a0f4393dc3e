import { Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../app/ui/DateField';
import { errorsUnder } from '../../app/ui/form-validation';
import { useLanguage } from '../../i18n';
import { CountrySelect } from '../reference/CountrySelect';
import { RegionCascade } from '../reference/RegionCascade';
import { type EventValues, newEventKey } from './case-form-values';
import { valueLabel, valueOptions } from './case-values';

interface EventsFieldsProps {
  value: EventValues[];
  onChange: (next: EventValues[]) => void;
  errors: Record<string, string>;
}

/** The route of the trafficking (HTCDS historic events): recruitment, transit, exploitation. */
export function EventsFields({ value, onChange, errors }: EventsFieldsProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const update = (index: number, next: EventValues) =>
    onChange(value.map((e, i) => (i === index ? next : e)));

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('cases.profile.eventsHelp')}
      </Text>
      {value.map((event, index) => {
        const eventErrors = errorsUnder(errors, `${index}.`);
        const set = <K extends keyof EventValues>(key: K, next: EventValues[K]) =>
          update(index, { ...event, [key]: next });
        const title = t('cases.profile.eventTitle', {
          n: index + 1,
          type: valueLabel(lang, 'eventTypes', event.type) || t('cases.profile.eventUntyped'),
        });
        return (
          <Card key={event.key} withBorder radius="md" padding="sm" component="section" aria-label={title}>
            <Group justify="space-between" mb="xs" wrap="nowrap">
              <Text fw={600} size="sm">
                {title}
              </Text>
              <Button
                variant="subtle"
                color="red"
                size="compact-sm"
                onClick={() => onChange(value.filter((_, i) => i !== index))}
              >
                {t('common.remove')}
              </Button>
            </Group>
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <Select
                  label={t('cases.profile.eventType')}
                  withAsterisk
                  data={valueOptions(lang, 'eventTypes')}
                  value={event.type || null}
                  onChange={(next) => set('type', next ?? '')}
                  error={eventErrors.type}
                  allowDeselect={false}
                />
                <DateField
                  label={t('cases.profile.eventDate')}
                  value={event.date}
                  onChange={(value) => set('date', value)}
                  error={eventErrors.date}
                />
              </SimpleGrid>
              <CountrySelect
                label={t('cases.profile.eventCountry')}
                value={event.countryCode}
                onChange={(code) => set('countryCode', code)}
                error={eventErrors.countryCode}
              />
              {event.countryCode === 'ID' || event.countryCode === '' ? (
                <RegionCascade
                  label={t('cases.profile.eventRegion')}
                  value={event.regionCode}
                  onChange={(code) => set('regionCode', code)}
                  deepest="district"
                  error={eventErrors.regionCode}
                />
              ) : null}
              <TextInput
                label={t('cases.profile.eventDescription')}
                maxLength={500}
                value={event.description}
                onChange={(e) => set('description', e.currentTarget.value)}
                error={eventErrors.description}
              />
            </Stack>
          </Card>
        );
      })}
      <div>
        <Button
          variant="light"
          onClick={() =>
            onChange([
              ...value,
              { key: newEventKey(), type: '', date: '', countryCode: '', regionCode: '', description: '' },
            ])
          }
          disabled={value.length >= 30}
        >
          {t('cases.profile.addEvent')}
        </Button>
      </div>
    </Stack>
  );
}

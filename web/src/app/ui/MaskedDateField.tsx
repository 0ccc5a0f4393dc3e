import '@mantine/dates/styles.css';
import 'dayjs/locale/id';
import { ActionIcon, Box } from '@mantine/core';
import { DatesProvider, MaskedDateInput } from '@mantine/dates';
import { parseTypedDate } from '@sinergi/core';
import { type KeyboardEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n';
import type { DateFieldProps } from './DateField';

/** `YYYY-MM-DDTHH:mm` (a datetime-local value) as the picker's `YYYY-MM-DD HH:mm:ss`. */
function toPicker(value: string, withTime: boolean): string | null {
  if (!value) return null;
  if (!withTime) return value;
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(value);
  return match ? `${match[1]} ${match[2]}:00` : null;
}

function fromPicker(value: string | null, withTime: boolean): string {
  if (!value) return '';
  if (!withTime) return value.slice(0, 10);
  return `${value.slice(0, 10)}T${value.slice(11, 16)}`;
}

function CalendarIcon() {
  return (
    <svg
      width="18"
      height="18"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden
    >
      <rect x="3" y="5" width="18" height="16" rx="2" />
      <path d="M16 3v4M8 3v4M3 10h18" />
    </svg>
  );
}

/** The date input behind {@link DateField}; loaded on demand with the dates package. */
export default function MaskedDateField(props: DateFieldProps & { withTime: boolean }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [calendarOpen, setCalendarOpen] = useState(false);
  const {
    withTime,
    value,
    onChange,
    min,
    max,
    required,
    withAsterisk,
    onFocus,
    onBlur,
    'aria-label': ariaLabel,
    w,
    style,
    ...rest
  } = props;
  // While the calendar is open, Escape closes it and not the dialog around the field: the dialog
  // listens on the window and skips events from elements marked so.
  const segment = {
    'aria-required': required || undefined,
    'aria-invalid': rest.error ? true : undefined,
    'data-mantine-stop-propagation': calendarOpen || undefined,
  } as const;
  const closeOnEscape = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape' && calendarOpen) setCalendarOpen(false);
  };
  return (
    <DatesProvider settings={{ locale: lang === 'en' ? 'en' : 'id', firstDayOfWeek: 1 }}>
      <Box w={w} style={style} onKeyDownCapture={closeOnEscape}>
        <MaskedDateInput
          {...rest}
          // Without a visible label the boxes' group carries the name (a holiday row's date, say).
          attributes={rest.label ? undefined : { fieldsGroup: { 'aria-label': ariaLabel } }}
          value={toPicker(value ?? '', withTime)}
          onChange={(next) => onChange(fromPicker(next, withTime))}
          onFocus={onFocus}
          onBlur={onBlur}
          withTime={withTime}
          format="24h"
          fieldsOrder={['day', 'month', 'year']}
          dateSeparator="/"
          minDate={min || undefined}
          maxDate={max || undefined}
          withAsterisk={withAsterisk ?? required}
          clearable={!(required || withAsterisk)}
          clearButtonProps={{ 'aria-label': t('dateField.clear') }}
          pasteSplit={parseTypedDate}
          dayInputLabel={t('dateField.day')}
          monthInputLabel={t('dateField.month')}
          yearInputLabel={t('dateField.year')}
          hoursInputLabel={t('dateField.hours')}
          minutesInputLabel={t('dateField.minutes')}
          dayInputProps={segment}
          monthInputProps={segment}
          yearInputProps={segment}
          hoursInputProps={segment}
          minutesInputProps={segment}
          ariaLabels={{
            nextMonth: t('dateField.nextMonth'),
            previousMonth: t('dateField.previousMonth'),
            nextYear: t('dateField.nextYear'),
            previousYear: t('dateField.previousYear'),
            nextDecade: t('dateField.nextDecade'),
            previousDecade: t('dateField.previousDecade'),
          }}
          // The calendar opens from its button only: opening on focus would cover the next field
          // (and sit under the phone keyboard) while the date is being typed.
          popoverProps={{
            opened: calendarOpen,
            onDismiss: () => setCalendarOpen(false),
          }}
          getDayProps={() => ({ onClick: () => setCalendarOpen(false) })}
          rightSectionPointerEvents="all"
          rightSection={
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={t('dateField.openCalendar')}
              aria-expanded={calendarOpen}
              // Out of the tab order: the keyboard types the date; touch and screen readers reach it.
              tabIndex={-1}
              data-mantine-stop-propagation={calendarOpen || undefined}
              onClick={() => setCalendarOpen(true)}
            >
              <CalendarIcon />
            </ActionIcon>
          }
        />
      </Box>
    </DatesProvider>
  );
}

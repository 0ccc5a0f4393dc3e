import { Input, type MantineStyleProp, type StyleProp } from '@mantine/core';
import { type CSSProperties, type FocusEvent, lazy, type ReactNode, Suspense } from 'react';

/** What every date field of the app takes: the value stays the `YYYY-MM-DD` string forms send. */
export interface DateFieldProps {
  label?: ReactNode;
  'aria-label'?: string;
  description?: ReactNode;
  error?: ReactNode;
  /** Marks the field required (asterisk and aria-required); the form still validates. */
  required?: boolean;
  withAsterisk?: boolean;
  /** `YYYY-MM-DD`, or '' when empty or not complete. */
  value?: string;
  onChange: (value: string) => void;
  /** Earliest and latest day (`YYYY-MM-DD`) that can be picked; a typed day outside is moved inside. */
  min?: string;
  max?: string;
  onFocus?: (event: FocusEvent<HTMLElement>) => void;
  onBlur?: (event: FocusEvent<HTMLElement>) => void;
  w?: StyleProp<CSSProperties['width']>;
  style?: MantineStyleProp;
  name?: string;
}

/** Like {@link DateFieldProps}, with the value a `datetime-local` value (`YYYY-MM-DDTHH:mm`). */
export type DateTimeFieldProps = DateFieldProps;

// The dates package and its locale load with the first form that shows a date, not with the
// sign-in page: the app is one bundle otherwise.
const MaskedDateField = lazy(() => import('./MaskedDateField'));

/** Keeps the label and height while the date input loads, so the form does not jump. */
function LoadingField(props: DateFieldProps & { withTime: boolean }) {
  return (
    <Input.Wrapper
      label={props.label}
      description={props.description}
      error={props.error}
      withAsterisk={props.withAsterisk ?? props.required}
      w={props.w}
      style={props.style}
    >
      <Input
        component="div"
        aria-label={props['aria-label']}
        aria-busy
        data-disabled
        style={{ display: 'flex', alignItems: 'center', fontVariantNumeric: 'tabular-nums' }}
      >
        {props.withTime ? '--/--/---- --:--' : '--/--/----'}
      </Input>
    </Input.Wrapper>
  );
}

/**
 * The one date input of the app: day, month and year typed in that order (`28/11/2026`) on the
 * number keyboard, or picked from a calendar in the interface language.
 */
export function DateField(props: DateFieldProps) {
  return (
    <Suspense fallback={<LoadingField {...props} withTime={false} />}>
      <MaskedDateField {...props} withTime={false} />
    </Suspense>
  );
}

/** The date input with a 24-hour time after it (`28/11/2026 14:30`), read in the task force's zone. */
export function DateTimeField(props: DateTimeFieldProps) {
  return (
    <Suspense fallback={<LoadingField {...props} withTime />}>
      <MaskedDateField {...props} withTime />
    </Suspense>
  );
}

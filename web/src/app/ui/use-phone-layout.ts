import { useMediaQuery } from '@mantine/hooks';

/** True below Mantine's `sm` breakpoint (48em): lists become cards, navigation hides behind a button. */
export function usePhoneLayout(): boolean {
  return useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false }) ?? false;
}

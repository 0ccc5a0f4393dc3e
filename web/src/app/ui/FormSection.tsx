import { Fieldset, Stack } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled group of form fields. */
export function FormSection({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <Fieldset legend={legend} radius="md" p={{ base: 'sm', sm: 'md' }}>
      <Stack gap="sm">{children}</Stack>
    </Fieldset>
  );
}

import { Badge, type MantineColor } from '@mantine/core';

/** A status in words and colour, never colour alone. */
export function StatusBadge({ label, color }: { label: string; color: MantineColor }) {
  return (
    // The label must never be cut to "AK…": the table column grows to fit it instead.
    <Badge
      color={color}
      variant="light"
      radius="sm"
      style={{ flexShrink: 0 }}
      styles={{ label: { overflow: 'visible' } }}
    >
      {label}
    </Badge>
  );
}

import { Badge, type MantineColor } from '@mantine/core';

/** A status in words and colour, never colour alone. */
export function StatusBadge({ label, color }: { label: string; color: MantineColor }) {
  return (
    <Badge color={color} variant="light" radius="sm" style={{ flexShrink: 0 }}>
      {label}
    </Badge>
  );
}

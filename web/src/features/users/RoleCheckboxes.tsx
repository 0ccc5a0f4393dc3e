import { Checkbox, SimpleGrid } from '@mantine/core';
import { ROLES } from '@sinergi/core';
import { useTranslation } from 'react-i18next';

interface RoleCheckboxesProps {
  value: string[];
  onChange: (roles: string[]) => void;
  error?: string;
}

/** Every role with its name and what it is for; one or more may be chosen. */
export function RoleCheckboxes({ value, onChange, error }: RoleCheckboxesProps) {
  const { t } = useTranslation();
  return (
    <Checkbox.Group
      label={t('users.roles')}
      description={t('users.rolesHelp')}
      withAsterisk
      value={value}
      onChange={onChange}
      error={error}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm" mt="xs">
        {ROLES.map((role) => (
          <Checkbox
            key={role}
            value={role}
            label={t(`roles.${role}.name`)}
            description={t(`roles.${role}.description`)}
          />
        ))}
      </SimpleGrid>
    </Checkbox.Group>
  );
}

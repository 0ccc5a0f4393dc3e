import { List, Text, ThemeIcon, VisuallyHidden } from '@mantine/core';
import { type PasswordProblem, passwordProblems } from '@sinergi/core';
import { useTranslation } from 'react-i18next';

interface PasswordRulesProps {
  password: string;
  /** When known, the rule "does not contain the username" is shown too. */
  username?: string;
  id?: string;
}

/** The password rules, each marked as met or not while the user types. */
export function PasswordRules({ password, username, id }: PasswordRulesProps) {
  const { t } = useTranslation();
  const problems = new Set<PasswordProblem>(passwordProblems(password, { username }));
  const rules: { label: string; met: boolean }[] = [
    {
      label: t('password.ruleLength'),
      met: !problems.has('password_too_short') && !problems.has('password_too_long'),
    },
    { label: t('password.ruleCommon'), met: password.length > 0 && !problems.has('password_common') },
  ];
  if (username && username.length >= 3) {
    rules.push({
      label: t('password.ruleUsername'),
      met: password.length > 0 && !problems.has('password_contains_username'),
    });
  }
  return (
    <div id={id}>
      <Text size="xs" fw={600} c="dimmed" mb={4}>
        {t('password.rulesTitle')}
      </Text>
      <List spacing={2} size="sm" center>
        {rules.map((rule) => (
          <List.Item
            key={rule.label}
            icon={
              <ThemeIcon
                color={rule.met ? 'teal' : 'gray'}
                variant={rule.met ? 'filled' : 'light'}
                size={18}
                radius="xl"
                aria-hidden
              >
                <Text size="xs" fw={700} lh={1}>
                  {rule.met ? '✓' : '•'}
                </Text>
              </ThemeIcon>
            }
          >
            <Text size="sm" c={rule.met ? undefined : 'dimmed'}>
              {rule.label}
              <VisuallyHidden>: {rule.met ? t('password.met') : t('password.unmet')}</VisuallyHidden>
            </Text>
          </List.Item>
        ))}
      </List>
    </div>
  );
}

import { Anchor, AppShell, Burger, Container, Group, NavLink, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { AlertCountBadge } from '../features/audit/AlertCountBadge';
import { MyWorkCount } from '../features/services/MyWorkCount';
import { IdleWarning } from './IdleWarning';
import { LanguageSwitch } from './LanguageSwitch';
import { isActivePath, visibleNavigation } from './navigation';
import { useSessionInfo } from './session';
import { UserMenu } from './UserMenu';

/** The signed-in layout: header, navigation by permission, and the page. */
export function AppLayout() {
  const { t } = useTranslation();
  const session = useSessionInfo();
  const { pathname } = useLocation();
  const [navOpened, nav] = useDisclosure(false);
  const items = visibleNavigation(session.permissions);

  // A phone's menu closes once the user has picked a page.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation only
  useEffect(() => nav.close(), [pathname]);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <a href="#main-content" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="sm" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
            <Burger
              opened={navOpened}
              onClick={nav.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('nav.toggle')}
              aria-expanded={navOpened}
              aria-controls="main-navigation"
            />
            <Anchor component={Link} to="/" fw={700} fz="lg" c="blue.8" underline="never">
              {t('app.name')}
            </Anchor>
            {session.taskForce ? (
              <Text size="sm" c="dimmed" visibleFrom="sm" truncate style={{ minWidth: 0 }}>
                {session.taskForce.name}
              </Text>
            ) : null}
          </Group>
          <Group gap="xs" wrap="nowrap">
            <MyWorkCount inHeader />
            <LanguageSwitch />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>

      {/* The menu scrolls on its own: on a laptop screen (768 px high) the last entries are below the fold. */}
      <AppShell.Navbar
        p="sm"
        id="main-navigation"
        aria-label={t('nav.main')}
        style={{ overflowY: 'auto', overscrollBehavior: 'contain' }}
      >
        <Stack gap={4}>
          {session.taskForce ? (
            <Text size="xs" c="dimmed" hiddenFrom="sm" px="sm" pb="xs">
              {session.taskForce.name}
            </Text>
          ) : null}
          {items.map((item) => {
            // A deeper menu entry (e.g. /meetings/overview) wins over its parent (/meetings).
            const active =
              isActivePath(item.path, pathname) &&
              !items.some(
                (other) =>
                  other.path.length > item.path.length &&
                  other.path.startsWith(`${item.path}/`) &&
                  isActivePath(other.path, pathname),
              );
            return (
              <NavLink
                key={item.path}
                component={Link}
                to={item.path}
                label={t(item.label)}
                rightSection={
                  item.path === '/my-work' ? (
                    <MyWorkCount />
                  ) : item.path === '/security-alerts' ? (
                    <AlertCountBadge />
                  ) : undefined
                }
                active={active}
                aria-current={active ? 'page' : undefined}
                variant="light"
                style={{ borderRadius: 'var(--mantine-radius-md)' }}
              />
            );
          })}
        </Stack>
      </AppShell.Navbar>

      <AppShell.Main id="main-content" tabIndex={-1}>
        <Container size="lg" px={0}>
          <Outlet />
        </Container>
      </AppShell.Main>
      <IdleWarning />
    </AppShell>
  );
}

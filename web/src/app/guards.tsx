import { Center, Container, Loader } from '@mantine/core';
import type { Permission } from '@sinergi/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { ForbiddenPage } from './ForbiddenPage';
import { usePermission, useSession, useSessionInfo } from './session';
import { ErrorAlert } from './ui/ErrorAlert';

export function FullPageLoader() {
  const { t } = useTranslation();
  return (
    <Center h="100vh" aria-busy="true">
      <Loader aria-label={t('app.loading')} />
    </Center>
  );
}

/** Signed-in pages only; otherwise the sign-in page, which brings the user back here afterwards. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { state, refresh } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <FullPageLoader />;
  if (state.status === 'unreachable') {
    return (
      <Container size="xs" py="xl">
        <ErrorAlert error={state.error} onRetry={() => void refresh()} />
      </Container>
    );
  }
  if (state.status === 'signedOut' || state.status === 'secondStep') {
    const here = `${location.pathname}${location.search}`;
    const keepPlace = (state.status === 'secondStep' || state.reason !== 'signedOut') && here !== '/';
    return <Navigate to={keepPlace ? `/login?next=${encodeURIComponent(here)}` : '/login'} replace />;
  }
  return children;
}

/** A page for holders of one permission; the server refuses the data to anyone else anyway. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  return usePermission(permission) ? children : <ForbiddenPage />;
}

/** A page for holders of any of these permissions. */
export function RequireAnyPermission({
  permissions,
  children,
}: {
  permissions: readonly Permission[];
  children: ReactNode;
}) {
  const held = useSessionInfo().permissions;
  return permissions.some((p) => held.includes(p)) ? children : <ForbiddenPage />;
}

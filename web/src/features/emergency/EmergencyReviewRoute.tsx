import { ForbiddenPage } from '../../app/ForbiddenPage';
import { usePermission } from '../../app/session';
import { EmergencyReviewPage } from './EmergencyReviewPage';

/** Coordinators and administrators review emergency openings; the server decides again. */
export function EmergencyReviewRoute() {
  const coordinator = usePermission('case.break_glass');
  const admin = usePermission('user.manage');
  return coordinator || admin ? <EmergencyReviewPage /> : <ForbiddenPage />;
}

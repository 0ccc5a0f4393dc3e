import { createBrowserRouter } from 'react-router';
import { AgencyCreatePage } from '../features/agencies/AgencyCreatePage';
import { AgencyDetailPage } from '../features/agencies/AgencyDetailPage';
import { AgencyListPage } from '../features/agencies/AgencyListPage';
import { AlertsPage } from '../features/audit/AlertsPage';
import { AuditPage } from '../features/audit/AuditPage';
import { LoginPage } from '../features/auth/LoginPage';
import { ProfilePage } from '../features/auth/ProfilePage';
import { CaseListPage } from '../features/cases/CaseListPage';
import { CasePage } from '../features/cases/detail/CasePage';
import { CaseIntakePage } from '../features/cases/intake/CaseIntakePage';
import { EmergencyReviewRoute } from '../features/emergency/EmergencyReviewRoute';
import { ExportPage } from '../features/exports/ExportPage';
import { HomePage } from '../features/home/HomePage';
import { ImportPage } from '../features/imports/ImportPage';
import { LegalCasePage } from '../features/legal/LegalCasePage';
import { LegalListPage } from '../features/legal/LegalListPage';
import { MeetingFormPage } from '../features/meetings/MeetingFormPage';
import { MeetingPage } from '../features/meetings/MeetingPage';
import { MeetingsPage } from '../features/meetings/MeetingsPage';
import { OverviewPage } from '../features/meetings/OverviewPage';
import { PlanPage } from '../features/plans/PlanPage';
import { WorkProgrammePage } from '../features/plans/WorkProgrammePage';
import { PreventionPage } from '../features/prevention/PreventionPage';
import { YearlyReportPage } from '../features/reports/YearlyReportPage';
import { RetentionPage } from '../features/retention/RetentionPage';
import { ChecklistEditorPage } from '../features/screening/ChecklistEditorPage';
import { DeadlineRulesPage } from '../features/services/DeadlineRulesPage';
import { MyWorkPage } from '../features/services/MyWorkPage';
import { ReferralPage } from '../features/services/ReferralPage';
import { ReferralsPage } from '../features/services/ReferralsPage';
import { AnalysisPage } from '../features/stats/AnalysisPage';
import { LeadershipDashboardPage } from '../features/stats/LeadershipDashboardPage';
import { SecretariatDashboardPage } from '../features/stats/SecretariatDashboardPage';
import { LetterheadPage } from '../features/taskforces/LetterheadPage';
import { TaskForcePage } from '../features/taskforces/TaskForcePage';
import { UserCreatePage } from '../features/users/UserCreatePage';
import { UserDetailPage } from '../features/users/UserDetailPage';
import { UserListPage } from '../features/users/UserListPage';
import { AppLayout } from './AppLayout';
import { RequireAnyPermission, RequirePermission, RequireSession } from './guards';
import { NotFoundPage } from './NotFoundPage';

export function createAppRouter() {
  return createBrowserRouter([
    { path: '/login', element: <LoginPage /> },
    {
      element: (
        <RequireSession>
          <AppLayout />
        </RequireSession>
      ),
      children: [
        { index: true, element: <HomePage /> },
        {
          path: 'cases',
          element: (
            <RequirePermission permission="case.read">
              <CaseListPage />
            </RequirePermission>
          ),
        },
        {
          path: 'cases/new',
          element: (
            <RequirePermission permission="case.create">
              <CaseIntakePage />
            </RequirePermission>
          ),
        },
        {
          path: 'cases/:id',
          element: (
            <RequirePermission permission="case.read">
              <CasePage />
            </RequirePermission>
          ),
        },
        {
          path: 'my-work',
          element: (
            <RequirePermission permission="case.read">
              <MyWorkPage />
            </RequirePermission>
          ),
        },
        {
          path: 'referrals',
          element: (
            <RequirePermission permission="case.read">
              <ReferralsPage />
            </RequirePermission>
          ),
        },
        {
          path: 'referrals/:id',
          element: (
            <RequirePermission permission="case.read">
              <ReferralPage />
            </RequirePermission>
          ),
        },
        {
          path: 'agencies',
          element: (
            <RequirePermission permission="agency.read">
              <AgencyListPage />
            </RequirePermission>
          ),
        },
        {
          path: 'agencies/new',
          element: (
            <RequirePermission permission="agency.manage">
              <AgencyCreatePage />
            </RequirePermission>
          ),
        },
        {
          path: 'agencies/:id',
          element: (
            <RequirePermission permission="agency.read">
              <AgencyDetailPage />
            </RequirePermission>
          ),
        },
        {
          path: 'users',
          element: (
            <RequirePermission permission="user.manage">
              <UserListPage />
            </RequirePermission>
          ),
        },
        {
          path: 'users/new',
          element: (
            <RequirePermission permission="user.manage">
              <UserCreatePage />
            </RequirePermission>
          ),
        },
        {
          path: 'users/:id',
          element: (
            <RequirePermission permission="user.manage">
              <UserDetailPage />
            </RequirePermission>
          ),
        },
        {
          path: 'audit',
          element: (
            <RequirePermission permission="audit.read">
              <AuditPage />
            </RequirePermission>
          ),
        },
        {
          path: 'security-alerts',
          element: (
            <RequirePermission permission="audit.read">
              <AlertsPage />
            </RequirePermission>
          ),
        },
        {
          path: 'settings/screening-checklist',
          element: (
            <RequirePermission permission="screening.checklist.manage">
              <ChecklistEditorPage />
            </RequirePermission>
          ),
        },
        {
          path: 'legal',
          element: (
            <RequirePermission permission="case.read">
              <LegalListPage />
            </RequirePermission>
          ),
        },
        {
          path: 'legal/:id',
          element: (
            <RequirePermission permission="case.read">
              <LegalCasePage />
            </RequirePermission>
          ),
        },
        {
          path: 'dashboard',
          element: (
            <RequirePermission permission="stats.read">
              <LeadershipDashboardPage />
            </RequirePermission>
          ),
        },
        {
          path: 'secretariat',
          element: (
            <RequirePermission permission="stats.exact">
              <SecretariatDashboardPage />
            </RequirePermission>
          ),
        },
        {
          path: 'analysis',
          element: (
            <RequirePermission permission="stats.read">
              <AnalysisPage />
            </RequirePermission>
          ),
        },
        {
          path: 'reports/yearly',
          element: (
            <RequirePermission permission="stats.read">
              <YearlyReportPage />
            </RequirePermission>
          ),
        },
        {
          path: 'taskforce',
          element: (
            <RequirePermission permission="taskforce.read">
              <TaskForcePage />
            </RequirePermission>
          ),
        },
        {
          path: 'work-programme',
          element: (
            <RequirePermission permission="taskforce.read">
              <WorkProgrammePage />
            </RequirePermission>
          ),
        },
        {
          path: 'plans',
          element: (
            <RequirePermission permission="taskforce.read">
              <PlanPage />
            </RequirePermission>
          ),
        },
        {
          path: 'meetings',
          element: (
            <RequirePermission permission="taskforce.read">
              <MeetingsPage />
            </RequirePermission>
          ),
        },
        {
          path: 'meetings/overview',
          element: (
            <RequirePermission permission="meeting.manage">
              <OverviewPage />
            </RequirePermission>
          ),
        },
        {
          path: 'meetings/new',
          element: (
            <RequirePermission permission="meeting.manage">
              <MeetingFormPage />
            </RequirePermission>
          ),
        },
        {
          path: 'meetings/:id',
          element: (
            <RequirePermission permission="taskforce.read">
              <MeetingPage />
            </RequirePermission>
          ),
        },
        {
          path: 'meetings/:id/edit',
          element: (
            <RequirePermission permission="meeting.manage">
              <MeetingFormPage />
            </RequirePermission>
          ),
        },
        {
          path: 'prevention',
          element: (
            <RequirePermission permission="taskforce.read">
              <PreventionPage />
            </RequirePermission>
          ),
        },
        {
          path: 'exports',
          element: (
            <RequireAnyPermission permissions={['export.ctdc', 'export.htcds', 'export.simfoni']}>
              <ExportPage />
            </RequireAnyPermission>
          ),
        },
        {
          path: 'imports',
          element: (
            <RequirePermission permission="import.run">
              <ImportPage />
            </RequirePermission>
          ),
        },
        { path: 'emergency-access', element: <EmergencyReviewRoute /> },
        {
          path: 'settings/letterhead',
          element: (
            <RequirePermission permission="taskforce.manage">
              <LetterheadPage />
            </RequirePermission>
          ),
        },
        {
          path: 'settings/retention',
          element: <RetentionPage />,
        },
        {
          path: 'settings/deadline-rules',
          element: (
            <RequirePermission permission="agency.manage">
              <DeadlineRulesPage />
            </RequirePermission>
          ),
        },
        { path: 'profile', element: <ProfilePage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}

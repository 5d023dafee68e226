// Routes. Until the session is known nothing but a quiet loading state shows; signed out (or
// mid sign-in) every path shows the sign-in steps and returns to that path afterwards.
import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { AppShell } from './components/AppShell';
import { Loading } from './components/States';
const ConstituentPage = lazy(() => import('./pages/ConstituentPage').then((m) => ({ default: m.ConstituentPage })));
import { SignInPage } from './pages/SignIn';
import { LanguageProvider, useI18n } from './i18n/i18n';
import { SessionProvider, useSession } from './session/session';

// The dashboard pulls in Chart.js: load it on its own so sign-in paints first.
const DashboardPage = lazy(() => import('./pages/Dashboard').then((m) => ({ default: m.DashboardPage })));
// Every other page is its own chunk too (decision 0213): the first load fetches only the shell,
// the dictionaries and the page shown.
const ConstituentsPage = lazy(() => import('./pages/Constituents').then((m) => ({ default: m.ConstituentsPage })));
const FundsPage = lazy(() => import('./pages/Funds').then((m) => ({ default: m.FundsPage })));
const GiftEntryPage = lazy(() => import('./pages/GiftEntry').then((m) => ({ default: m.GiftEntryPage })));
const GiftsPage = lazy(() => import('./pages/Gifts').then((m) => ({ default: m.GiftsPage })));
const TasksPage = lazy(() => import('./pages/Tasks').then((m) => ({ default: m.TasksPage })));
const CampaignsPage = lazy(() => import('./pages/Campaigns').then((m) => ({ default: m.CampaignsPage })));
const SegmentsPage = lazy(() => import('./pages/Segments').then((m) => ({ default: m.SegmentsPage })));
const DuplicatesPage = lazy(() => import('./pages/Duplicates').then((m) => ({ default: m.DuplicatesPage })));

// Batch entry and the admin pages are loaded on demand (few users, not on the first paint).
const BatchesPage = lazy(() => import('./pages/Batches').then((m) => ({ default: m.BatchesPage })));
const BatchPage = lazy(() => import('./pages/Batches').then((m) => ({ default: m.BatchPage })));
const AdminLayout = lazy(() => import('./pages/admin/AdminLayout').then((m) => ({ default: m.AdminLayout })));
const UsersPage = lazy(() => import('./pages/admin/Users').then((m) => ({ default: m.UsersPage })));
const SettingsPage = lazy(() => import('./pages/admin/SettingsPage').then((m) => ({ default: m.SettingsPage })));
const AuditPage = lazy(() => import('./pages/admin/AuditPage').then((m) => ({ default: m.AuditPage })));
const ImportsPage = lazy(() => import('./pages/admin/ImportsPage').then((m) => ({ default: m.ImportsPage })));
const ImportDetailPage = lazy(() => import('./pages/admin/ImportDetail').then((m) => ({ default: m.ImportDetailPage })));
const AnalyticsPage = lazy(() => import('./pages/Analytics').then((m) => ({ default: m.AnalyticsPage })));
const MailLayout = lazy(() => import('./pages/mail/MailLayout').then((m) => ({ default: m.MailLayout })));
const AckQueuePage = lazy(() => import('./pages/mail/AckQueue').then((m) => ({ default: m.AckQueuePage })));
const StatementsPage = lazy(() => import('./pages/mail/Statements').then((m) => ({ default: m.StatementsPage })));
const MailTemplatesPage = lazy(() => import('./pages/mail/Templates').then((m) => ({ default: m.TemplatesPage })));
const DeliveriesPage = lazy(() => import('./pages/mail/Deliveries').then((m) => ({ default: m.DeliveriesPage })));
const MailRunsPage = lazy(() => import('./pages/mail/Runs').then((m) => ({ default: m.RunsPage })));
const MailRunPage = lazy(() => import('./pages/mail/RunPage').then((m) => ({ default: m.RunPage })));
const ReportsPage = lazy(() => import('./pages/Reports').then((m) => ({ default: m.ReportsPage })));
const TokensPage = lazy(() => import('./pages/Tokens').then((m) => ({ default: m.TokensPage })));
const AppealPage = lazy(() => import('./pages/appeals/AppealPage').then((m) => ({ default: m.AppealPage })));
const AppealSendPage = lazy(() => import('./pages/appeals/AppealSendPage').then((m) => ({ default: m.AppealSendPage })));
const PluginsPage = lazy(() => import('./pages/admin/PluginsPage').then((m) => ({ default: m.PluginsPage })));

function NotFound() {
  const { t } = useI18n();
  return (
    <div className="state state-empty">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
    </div>
  );
}

function Gate() {
  const session = useSession();
  const { t } = useI18n();
  if (session.step === 'checking') return <Loading label={t('app.starting')} />;
  if (session.step !== 'signed-in') return <SignInPage />;
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route element={<AppShell />}>
          <Route index element={<DashboardPage />} />
          <Route path="constituents" element={<ConstituentsPage />} />
          <Route path="constituents/:id" element={<ConstituentPage />} />
          <Route path="gifts" element={<GiftsPage />} />
          <Route path="gifts/new" element={<GiftEntryPage />} />
          <Route path="funds" element={<FundsPage />} />
          <Route path="tasks" element={<TasksPage />} />
          <Route path="campaigns" element={<CampaignsPage />} />
          <Route path="appeals/:id" element={<AppealPage />} />
          <Route path="appeals/:id/email" element={<AppealPage emailing />} />
          <Route path="appeal-sends/:id" element={<AppealSendPage />} />
          <Route path="segments" element={<SegmentsPage />} />
          <Route path="duplicates" element={<DuplicatesPage />} />
          <Route path="reports" element={<ReportsPage />} />
          <Route path="analytics" element={<AnalyticsPage />} />
          <Route path="mail" element={<MailLayout />}>
            <Route index element={<AckQueuePage />} />
            <Route path="statements" element={<StatementsPage />} />
            <Route path="templates" element={<MailTemplatesPage />} />
            <Route path="deliveries" element={<DeliveriesPage />} />
            <Route path="runs" element={<MailRunsPage />} />
            <Route path="runs/:id" element={<MailRunPage />} />
          </Route>
          <Route path="tokens" element={<TokensPage />} />
          <Route path="batches" element={<BatchesPage />} />
          <Route path="batches/:id" element={<BatchPage />} />
          <Route path="admin" element={<AdminLayout />}>
            <Route index element={<UsersPage />} />
            <Route path="users" element={<UsersPage />} />
            <Route path="plugins" element={<PluginsPage />} />
            <Route path="imports" element={<ImportsPage />} />
            <Route path="imports/:id" element={<ImportDetailPage />} />
            <Route path="audit" element={<AuditPage />} />
            <Route path="settings" element={<SettingsPage />} />
          </Route>
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </Suspense>
  );
}

export function App() {
  return (
    <LanguageProvider>
      <BrowserRouter>
        <SessionProvider>
          <Gate />
        </SessionProvider>
      </BrowserRouter>
    </LanguageProvider>
  );
}

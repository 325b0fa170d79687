import { type CurrentUser, roleHasPermission } from '@pourline/contracts';
import { lazy, Suspense, useState } from 'react';
import { usePlantToday } from '../time/usePlantToday';
import { CustomerView } from '../customer/CustomerView';
import { TicketPage } from '../customer/TicketPage';
import { OperatorView } from '../operator/OperatorView';
import { PlantView } from '../plant/PlantView';
import { PourBoard } from '../pours/PourBoard';
import { PourDetail } from '../pours/PourDetail';
import { QcView } from '../qc/QcView';
import type { PourBoardFilters } from '../pours/pourBoardFilters';
import { SiteOutboxProvider } from '../site/SiteOutboxProvider';
import { SiteView } from '../site/SiteView';
import { StrengthView } from '../strength/StrengthView';
import { AfterSalesView } from '../aftersales/AfterSalesView';
import { ComplaintDetail } from '../aftersales/ComplaintDetail';
import { PourEvidenceView } from '../evidence/PourEvidenceView';
import { useI18n } from '../i18n/useI18n';
import { AppHeader } from './AppHeader';
import { useHashRoute } from './useHashRoute';

// The editor brings the drawing plugin; only planners opening it pay for the download.
// Reports bring the chart library; only those opening them pay for it.
const ReportsView = lazy(() => import('../reports/ReportsView').then((module) => ({ default: module.ReportsView })));
const PourEditor = lazy(() => import('../pours/editor/PourEditor').then((module) => ({ default: module.PourEditor })));

interface ConsoleProps {
  user: CurrentUser;
  onSignOut: () => void;
}

/** The roles that run the dispatch room land on the live map. */
const LIVE_VIEW_ROLES: ReadonlySet<CurrentUser['role']> = new Set(['admin', 'dispatcher']);

/** Home for each role: the live map, the site tablet view, or the pour board. */
export type HomeView = 'live' | 'plant' | 'site' | 'qc' | 'customer' | 'aftersales' | 'board';

function homeViewOf(role: CurrentUser['role']): HomeView {
  if (LIVE_VIEW_ROLES.has(role)) return 'live';
  if (role === 'qc_inspector') return 'qc';
  if (role === 'plant_operator') return 'plant';
  if (role === 'customer' || role === 'supervisor') return 'customer';
  if (role === 'after_sales') return 'aftersales';
  return role === 'site_dispatcher' ? 'site' : 'board';
}

/** The signed-in console: header, and the live view, the board or one pour. */
export function Console({ user, onSignOut }: ConsoleProps) {
  const { t } = useI18n();
  const [route, navigate] = useHashRoute();
  // Kept here so that going back from a pour returns to the same day and filter.
  // The day stays "today" (rolling over at the plants' midnight) until someone picks another.
  const today = usePlantToday();
  const [chosen, setChosen] = useState<{ day: string | null; status: PourBoardFilters['status'] }>({
    day: null,
    status: '',
  });
  const filters: PourBoardFilters = { day: chosen.day ?? today, status: chosen.status };
  const setFilters = (next: PourBoardFilters) =>
    setChosen({ day: next.day === today ? null : next.day, status: next.status });
  const homeView = homeViewOf(user.role);
  const canPlan = roleHasPermission(user.role, 'pours.plan');
  const canSeeStrength = roleHasPermission(user.role, 'strength.read');
  const canSeeComplaints = roleHasPermission(user.role, 'complaints.read');
  const canWorkComplaints = roleHasPermission(user.role, 'complaints.work');
  const canSeeEvidence = roleHasPermission(user.role, 'evidence.read');
  const canSeeReports = roleHasPermission(user.role, 'reports.read');
  const showAfterSales =
    (homeView === 'aftersales' && route.screen === 'home') || (route.screen === 'complaints' && canSeeComplaints);
  const openComplaint = (complaintId: string) => navigate({ screen: 'complaint', complaintId });
  const showLiveView = homeView === 'live' && route.screen === 'home';
  const showSiteView = homeView === 'site' && route.screen === 'home';
  const showQcView = homeView === 'qc' && route.screen === 'home';
  const showCustomerView = homeView === 'customer' && route.screen === 'home';
  // The dispatch room may stand in for a plant's control room.
  const showPlantView =
    (homeView === 'plant' && route.screen === 'home') ||
    (route.screen === 'plant' && roleHasPermission(user.role, 'plants.queue'));

  const shell = (
    <div className={`app-shell${showLiveView ? ' app-shell--fixed' : ''}`}>
      <AppHeader
        user={user}
        route={route}
        homeView={homeView}
        onNavigate={navigate}
        onSignOut={() => {
          // The next person on this device starts from home; an expired session keeps its place.
          navigate({ screen: 'home' });
          onSignOut();
        }}
      />
      <main className={`app-main${showLiveView ? ' app-main--full' : ''}`}>
        {canPlan && (route.screen === 'new-pour' || route.screen === 'edit-pour') ? (
          <Suspense fallback={<p className="status-note">{t('app.loading')}</p>}>
            <PourEditor
              key={route.screen === 'edit-pour' ? route.pourId : 'new'}
              pourId={route.screen === 'edit-pour' ? route.pourId : undefined}
              onSaved={(pourId) => navigate({ screen: 'pour', pourId })}
              onCancel={() =>
                navigate(route.screen === 'edit-pour' ? { screen: 'pour', pourId: route.pourId } : { screen: 'board' })
              }
            />
          </Suspense>
        ) : route.screen === 'ticket' ? (
          <TicketPage key={route.loadId} loadId={route.loadId} user={user} onBack={() => window.history.back()} />
        ) : route.screen === 'strength' && canSeeStrength ? (
          <StrengthView />
        ) : route.screen === 'reports' && canSeeReports ? (
          <Suspense fallback={<p className="status-note">{t('app.loading')}</p>}>
            <ReportsView />
          </Suspense>
        ) : route.screen === 'complaint' && canSeeComplaints ? (
          <ComplaintDetail
            key={route.complaintId}
            complaintId={route.complaintId}
            canWork={canWorkComplaints}
            canAddPhotos={roleHasPermission(user.role, 'complaints.raise')}
            onBack={() => navigate({ screen: homeView === 'aftersales' ? 'home' : 'complaints' })}
            onOpenEvidence={canSeeEvidence ? (pourId) => navigate({ screen: 'evidence', pourId }) : undefined}
          />
        ) : route.screen === 'evidence' && canSeeEvidence ? (
          <PourEvidenceView
            key={route.pourId}
            pourId={route.pourId}
            canSeeComplaints={canSeeComplaints}
            onBack={() => navigate({ screen: 'pour', pourId: route.pourId })}
            onOpenComplaint={openComplaint}
          />
        ) : showAfterSales ? (
          <AfterSalesView
            onOpenComplaint={openComplaint}
            canRaise={roleHasPermission(user.role, 'complaints.raise')}
            canWork={canWorkComplaints}
          />
        ) : route.screen === 'pour' ? (
          <PourDetail
            key={route.pourId}
            pourId={route.pourId}
            onBack={() => navigate({ screen: homeView === 'board' ? 'home' : 'board' })}
            onEdit={canPlan ? () => navigate({ screen: 'edit-pour', pourId: route.pourId }) : undefined}
            onEvidence={canSeeEvidence ? () => navigate({ screen: 'evidence', pourId: route.pourId }) : undefined}
          />
        ) : showLiveView ? (
          <OperatorView onOpenPour={(pourId) => navigate({ screen: 'pour', pourId })} />
        ) : showSiteView ? (
          <SiteView user={user} />
        ) : showCustomerView ? (
          <CustomerView user={user} onOpenTicket={(loadId) => navigate({ screen: 'ticket', loadId })} />
        ) : showQcView ? (
          <QcView />
        ) : showPlantView ? (
          <PlantView user={user} />
        ) : (
          <PourBoard
            filters={filters}
            onFiltersChange={setFilters}
            onOpen={(pourId) => navigate({ screen: 'pour', pourId })}
            onNewPour={canPlan ? () => navigate({ screen: 'new-pour' }) : undefined}
          />
        )}
      </main>
    </div>
  );
  // The site's outbox outlives the site view, so what was queued keeps going out from any screen.
  return homeView === 'site' ? <SiteOutboxProvider username={user.username}>{shell}</SiteOutboxProvider> : shell;
}

import type { CurrentUser } from '@pourline/contracts';
import { useState } from 'react';
import { OperatorView } from '../operator/OperatorView';
import { PourBoard } from '../pours/PourBoard';
import { PourDetail } from '../pours/PourDetail';
import { QcView } from '../qc/QcView';
import { type PourBoardFilters, todayFilters } from '../pours/pourBoardFilters';
import { SiteOutboxProvider } from '../site/SiteOutboxProvider';
import { SiteView } from '../site/SiteView';
import { AppHeader } from './AppHeader';
import { useHashRoute } from './useHashRoute';

interface ConsoleProps {
  user: CurrentUser;
  onSignOut: () => void;
}

/** The roles that run the dispatch room land on the live map. */
const LIVE_VIEW_ROLES: ReadonlySet<CurrentUser['role']> = new Set(['admin', 'dispatcher']);

/** Home for each role: the live map, the site tablet view, or the pour board. */
export type HomeView = 'live' | 'site' | 'qc' | 'board';

function homeViewOf(role: CurrentUser['role']): HomeView {
  if (LIVE_VIEW_ROLES.has(role)) return 'live';
  if (role === 'qc_inspector') return 'qc';
  return role === 'site_dispatcher' ? 'site' : 'board';
}

/** The signed-in console: header, and the live view, the board or one pour. */
export function Console({ user, onSignOut }: ConsoleProps) {
  const [route, navigate] = useHashRoute();
  // Kept here so that going back from a pour returns to the same day and filter.
  const [filters, setFilters] = useState<PourBoardFilters>(todayFilters);
  const homeView = homeViewOf(user.role);
  const showLiveView = homeView === 'live' && route.screen === 'home';
  const showSiteView = homeView === 'site' && route.screen === 'home';
  const showQcView = homeView === 'qc' && route.screen === 'home';

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
        {route.screen === 'pour' ? (
          <PourDetail
            key={route.pourId}
            pourId={route.pourId}
            onBack={() => navigate({ screen: homeView === 'board' ? 'home' : 'board' })}
          />
        ) : showLiveView ? (
          <OperatorView onOpenPour={(pourId) => navigate({ screen: 'pour', pourId })} />
        ) : showSiteView ? (
          <SiteView user={user} />
        ) : showQcView ? (
          <QcView />
        ) : (
          <PourBoard
            filters={filters}
            onFiltersChange={setFilters}
            onOpen={(pourId) => navigate({ screen: 'pour', pourId })}
          />
        )}
      </main>
    </div>
  );
  // The site's outbox outlives the site view, so what was queued keeps going out from any screen.
  return homeView === 'site' ? <SiteOutboxProvider username={user.username}>{shell}</SiteOutboxProvider> : shell;
}

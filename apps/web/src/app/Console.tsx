import type { CurrentUser } from '@pourline/contracts';
import { useState } from 'react';
import { OperatorView } from '../operator/OperatorView';
import { PourBoard } from '../pours/PourBoard';
import { PourDetail } from '../pours/PourDetail';
import { type PourBoardFilters, todayFilters } from '../pours/pourBoardFilters';
import { AppHeader } from './AppHeader';
import { useHashRoute } from './useHashRoute';

interface ConsoleProps {
  user: CurrentUser;
  onSignOut: () => void;
}

/** The roles that run the dispatch room land on the live map. */
const LIVE_VIEW_ROLES: ReadonlySet<CurrentUser['role']> = new Set(['admin', 'dispatcher']);

/** The signed-in console: header, and the live view, the board or one pour. */
export function Console({ user, onSignOut }: ConsoleProps) {
  const [route, navigate] = useHashRoute();
  // Kept here so that going back from a pour returns to the same day and filter.
  const [filters, setFilters] = useState<PourBoardFilters>(todayFilters);
  const hasLiveView = LIVE_VIEW_ROLES.has(user.role);
  const showLiveView = hasLiveView && route.screen === 'home';

  return (
    <div className={`app-shell${showLiveView ? ' app-shell--fixed' : ''}`}>
      <AppHeader
        user={user}
        route={route}
        hasLiveView={hasLiveView}
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
            onBack={() => navigate({ screen: hasLiveView ? 'board' : 'home' })}
          />
        ) : showLiveView ? (
          <OperatorView onOpenPour={(pourId) => navigate({ screen: 'pour', pourId })} />
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
}

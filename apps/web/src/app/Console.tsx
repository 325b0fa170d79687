import type { CurrentUser } from '@pourline/contracts';
import { useState } from 'react';
import { PourBoard } from '../pours/PourBoard';
import { PourDetail } from '../pours/PourDetail';
import { type PourBoardFilters, todayFilters } from '../pours/pourBoardFilters';
import { AppHeader } from './AppHeader';
import { useHashRoute } from './useHashRoute';

interface ConsoleProps {
  user: CurrentUser;
  onSignOut: () => void;
}

/** The signed-in console: header, and the board or one pour. */
export function Console({ user, onSignOut }: ConsoleProps) {
  const [route, navigate] = useHashRoute();
  // Kept here so that going back from a pour returns to the same day and filter.
  const [filters, setFilters] = useState<PourBoardFilters>(todayFilters);

  return (
    <div className="app-shell">
      <AppHeader
        user={user}
        onHome={() => navigate({ screen: 'board' })}
        onSignOut={() => {
          // The next person on this device starts from the board; an expired session keeps its place.
          navigate({ screen: 'board' });
          onSignOut();
        }}
      />
      <main className="app-main">
        {route.screen === 'pour' ? (
          <PourDetail key={route.pourId} pourId={route.pourId} onBack={() => navigate({ screen: 'board' })} />
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

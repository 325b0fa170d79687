import { type CurrentUser, roleHasPermission } from '@pourline/contracts';
import type { MouseEvent } from 'react';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { useI18n } from '../i18n/useI18n';
import { ConnectionIndicator } from '../live/ConnectionIndicator';
import { PlantClockNote } from '../time/PlantClockNote';
import type { HomeView } from './Console';
import type { Route } from './route';
import { routeHash } from './route';
import { ThemeToggle } from './ThemeToggle';

interface AppHeaderProps {
  user: CurrentUser;
  route: Route;
  /** What this role has as home; with the live map or the site view, the header offers it and the board. */
  homeView: HomeView;
  onNavigate: (route: Route) => void;
  onSignOut: () => void;
}

export function AppHeader({ user, route, homeView, onNavigate, onSignOut }: AppHeaderProps) {
  const { t } = useI18n();
  const canSeeStrength = roleHasPermission(user.role, 'strength.read');
  const homeKey = {
    live: 'nav.live',
    plant: 'nav.plant',
    site: 'nav.site',
    qc: 'nav.qc',
    customer: 'nav.customer',
    aftersales: 'nav.complaints',
    board: 'nav.pours',
  } as const;
  const complaintsLink = homeView !== 'aftersales' && roleHasPermission(user.role, 'complaints.read');
  const reportsLink = roleHasPermission(user.role, 'reports.read');
  const onComplaints =
    route.screen === 'complaints' ||
    route.screen === 'complaint' ||
    (homeView === 'aftersales' && route.screen === 'home');
  // The dispatch room can open a plant's control room; the plant's own operators have it as home.
  const plantLink = homeView !== 'plant' && roleHasPermission(user.role, 'plants.queue');
  const onBoard =
    homeView === 'board'
      ? route.screen === 'home' || route.screen === 'pour'
      : route.screen !== 'home' &&
        route.screen !== 'plant' &&
        route.screen !== 'strength' &&
        route.screen !== 'ticket' &&
        route.screen !== 'reports' &&
        !onComplaints;
  const link = (target: Route) => ({
    href: routeHash(target),
    onClick: (event: MouseEvent) => {
      event.preventDefault();
      onNavigate(target);
    },
  });
  return (
    <header className="app-header">
      <div className="header-start">
        {/* Named even on a phone, where only the mark shows. */}
        <a className="brand" aria-label={t('app.name')} {...link({ screen: 'home' })}>
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">{t('app.name')}</span>
        </a>
        {(homeView !== 'board' || canSeeStrength || complaintsLink || reportsLink) && (
          <nav className="main-nav" aria-label={t('nav.label')}>
            {homeView !== 'board' && (
              <a
                className="main-nav-link"
                data-testid={`nav-${homeView}`}
                aria-current={
                  route.screen === 'home' || (homeView === 'aftersales' && onComplaints) ? 'page' : undefined
                }
                {...link({ screen: 'home' })}
              >
                {t(homeKey[homeView])}
              </a>
            )}
            {plantLink && (
              <a
                className="main-nav-link"
                data-testid="nav-plant"
                aria-current={route.screen === 'plant' ? 'page' : undefined}
                {...link({ screen: 'plant' })}
              >
                {t('nav.plant')}
              </a>
            )}
            <a
              className="main-nav-link"
              data-testid="nav-pours"
              aria-current={onBoard ? 'page' : undefined}
              {...link({ screen: homeView === 'board' ? 'home' : 'board' })}
            >
              {t('nav.pours')}
            </a>
            {complaintsLink && (
              <a
                className="main-nav-link"
                data-testid="nav-complaints"
                aria-current={onComplaints ? 'page' : undefined}
                {...link({ screen: 'complaints' })}
              >
                {t('nav.complaints')}
              </a>
            )}
            {reportsLink && (
              <a
                className="main-nav-link"
                data-testid="nav-reports"
                aria-current={route.screen === 'reports' ? 'page' : undefined}
                {...link({ screen: 'reports' })}
              >
                {t('nav.reports')}
              </a>
            )}
            {canSeeStrength && (
              <a
                className="main-nav-link"
                data-testid="nav-strength"
                aria-current={route.screen === 'strength' ? 'page' : undefined}
                {...link({ screen: 'strength' })}
              >
                {t('nav.strength')}
              </a>
            )}
          </nav>
        )}
      </div>
      <div className="header-tools">
        <PlantClockNote />
        <ConnectionIndicator />
        <LanguageSwitch />
        <ThemeToggle />
        <div className="user-menu" data-testid="user-menu">
          <span className="user-name">{user.displayName}</span>
          <span className="user-role" data-testid="user-role" data-role={user.role}>
            {t(`role.${user.role}`)}
          </span>
        </div>
        <button type="button" className="button button--ghost" data-testid="sign-out" onClick={onSignOut}>
          {t('header.signOut')}
        </button>
      </div>
    </header>
  );
}

/** The console's places, kept in the URL hash so reload and the back button work. */
export type Route = { screen: 'board' } | { screen: 'pour'; pourId: string };

export function parseRoute(hash: string): Route {
  const match = /^#\/pours\/([^/?#]+)/.exec(hash);
  return match ? { screen: 'pour', pourId: decodeURIComponent(match[1]) } : { screen: 'board' };
}

export function routeHash(route: Route): string {
  return route.screen === 'pour' ? `#/pours/${encodeURIComponent(route.pourId)}` : '#/';
}

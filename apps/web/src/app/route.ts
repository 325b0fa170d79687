/**
 * The console's places, kept in the URL hash so reload and the back button work.
 * Home is the live map for the dispatch room and the pour board for everyone else.
 */
export type Route =
  | { screen: 'home' }
  | { screen: 'board' }
  | { screen: 'plant' }
  | { screen: 'strength' }
  | { screen: 'complaints' }
  | { screen: 'complaint'; complaintId: string }
  | { screen: 'reports' }
  | { screen: 'evidence'; pourId: string }
  | { screen: 'pour'; pourId: string }
  | { screen: 'new-pour' }
  | { screen: 'edit-pour'; pourId: string }
  | { screen: 'ticket'; loadId: string };

export function parseRoute(hash: string): Route {
  const ticket = /^#\/tickets\/([^/?#]+)/.exec(hash);
  if (ticket) return { screen: 'ticket', loadId: decodeURIComponent(ticket[1]) };
  if (/^#\/plant\/?(?:[?#]|$)/.test(hash)) return { screen: 'plant' };
  const complaint = /^#\/complaints\/([^/?#]+)/.exec(hash);
  if (complaint) return { screen: 'complaint', complaintId: decodeURIComponent(complaint[1]) };
  if (/^#\/complaints\/?(?:[?#]|$)/.test(hash)) return { screen: 'complaints' };
  if (/^#\/reports\/?(?:[?#]|$)/.test(hash)) return { screen: 'reports' };
  const evidence = /^#\/pours\/([^/?#]+)\/evidence\/?(?:[?#]|$)/.exec(hash);
  if (evidence) return { screen: 'evidence', pourId: decodeURIComponent(evidence[1]) };
  if (/^#\/pours\/new\/?(?:[?#]|$)/.test(hash)) return { screen: 'new-pour' };
  const edit = /^#\/pours\/([^/?#]+)\/edit\/?(?:[?#]|$)/.exec(hash);
  if (edit) return { screen: 'edit-pour', pourId: decodeURIComponent(edit[1]) };
  const match = /^#\/pours\/([^/?#]+)/.exec(hash);
  if (match) return { screen: 'pour', pourId: decodeURIComponent(match[1]) };
  if (/^#\/pours\/?(?:[?#]|$)/.test(hash)) return { screen: 'board' };
  if (/^#\/strength\/?(?:[?#]|$)/.test(hash)) return { screen: 'strength' };
  return { screen: 'home' };
}

export function routeHash(route: Route): string {
  switch (route.screen) {
    case 'pour':
      return `#/pours/${encodeURIComponent(route.pourId)}`;
    case 'new-pour':
      return '#/pours/new';
    case 'edit-pour':
      return `#/pours/${encodeURIComponent(route.pourId)}/edit`;
    case 'board':
      return '#/pours';
    case 'plant':
      return '#/plant';
    case 'strength':
      return '#/strength';
    case 'ticket':
      return `#/tickets/${encodeURIComponent(route.loadId)}`;
    case 'complaints':
      return '#/complaints';
    case 'complaint':
      return `#/complaints/${encodeURIComponent(route.complaintId)}`;
    case 'reports':
      return '#/reports';
    case 'evidence':
      return `#/pours/${encodeURIComponent(route.pourId)}/evidence`;
    case 'home':
      return '#/';
  }
}

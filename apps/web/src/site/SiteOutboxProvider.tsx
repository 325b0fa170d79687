import type { ReactNode } from 'react';
import { SiteOutboxContext } from './SiteOutboxContext';
import { useSiteOutbox } from './useSiteOutbox';

/**
 * Keeps the site's outbox sending for the whole session, not only while the
 * site view is on screen: an action taken before opening the pour board
 * still goes out when the network returns.
 */
export function SiteOutboxProvider({ username, children }: { username: string; children: ReactNode }) {
  const outbox = useSiteOutbox(username);
  return <SiteOutboxContext value={outbox}>{children}</SiteOutboxContext>;
}

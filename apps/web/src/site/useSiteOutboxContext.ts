import { useContext } from 'react';
import { SiteOutboxContext } from './SiteOutboxContext';
import type { SiteOutbox } from './useSiteOutbox';

export function useSiteOutboxContext(): SiteOutbox {
  const outbox = useContext(SiteOutboxContext);
  if (!outbox) throw new Error('useSiteOutboxContext must be used inside <SiteOutboxProvider>');
  return outbox;
}

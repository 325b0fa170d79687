import { DEMO_FLEET_ACCOUNT } from '@pourline/contracts';
import type { I18n } from './I18nContext';

/**
 * Who did something, in the reader's language where the name is the system's
 * own (the demo fleet); people's names are shown as they are. Audit entries
 * add the account's username in brackets.
 */
export function actorName(name: string, t: I18n['t']): string {
  const { displayName, username } = DEMO_FLEET_ACCOUNT;
  if (name === displayName) return t('actor.demoFleet');
  if (name === `${displayName} (${username})`) return `${t('actor.demoFleet')} (${username})`;
  return name;
}

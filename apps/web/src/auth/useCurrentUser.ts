import type { CurrentUser } from '@pourline/contracts';
import { useContext } from 'react';
import { CurrentUserContext } from './CurrentUserContext';

export function useCurrentUser(): CurrentUser {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error('useCurrentUser must be used after sign-in');
  return user;
}

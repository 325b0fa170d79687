import type { CurrentUser } from '@pourline/contracts';
import { createContext } from 'react';

export const CurrentUserContext = createContext<CurrentUser | null>(null);

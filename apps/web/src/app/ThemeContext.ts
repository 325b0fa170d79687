import { createContext } from 'react';
import type { Theme } from './theme';

export interface ThemeControls {
  theme: Theme;
  toggleTheme: () => void;
}

export const ThemeContext = createContext<ThemeControls | null>(null);

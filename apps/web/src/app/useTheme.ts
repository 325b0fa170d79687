import { useContext } from 'react';
import { ThemeContext, type ThemeControls } from './ThemeContext';

export function useTheme(): ThemeControls {
  const controls = useContext(ThemeContext);
  if (!controls) throw new Error('useTheme must be used inside <ThemeProvider>');
  return controls;
}

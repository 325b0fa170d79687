import type { CurrentUser } from '@pourline/contracts';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { ThemeContext, type ThemeControls } from './ThemeContext';
import { applyTheme, preferredTheme, rememberTheme, type Theme } from './theme';

export function ThemeProvider({ user, children }: { user: CurrentUser | null; children: ReactNode }) {
  const [choice, setChoice] = useState<{ user: CurrentUser | null; theme: Theme }>(() => ({
    user,
    theme: preferredTheme(user),
  }));
  // Signing in or out switches to that person's theme, decided during render so nothing flashes.
  const theme = choice.user === user ? choice.theme : preferredTheme(user);
  if (choice.user !== user) setChoice({ user, theme });

  useEffect(() => applyTheme(theme), [theme]);

  const controls = useMemo<ThemeControls>(
    () => ({
      theme,
      toggleTheme: () => {
        const next: Theme = theme === 'dark' ? 'light' : 'dark';
        rememberTheme(user, next);
        setChoice({ user, theme: next });
      },
    }),
    [theme, user],
  );

  return <ThemeContext value={controls}>{children}</ThemeContext>;
}

import type { CurrentUser } from '@pourline/contracts';

export const THEMES = ['dark', 'light'] as const;
export type Theme = (typeof THEMES)[number];

const LAST_THEME_KEY = 'pourline.theme.last';
const userThemeKey = (username: string) => `pourline.theme.user.${username}`;

function isTheme(value: unknown): value is Theme {
  return (THEMES as readonly unknown[]).includes(value);
}

/** Those who read Pourline on a site, in daylight, on a tablet or a phone. */
const OUTDOOR_ROLES: ReadonlySet<CurrentUser['role']> = new Set(['site_dispatcher', 'customer', 'supervisor']);

/**
 * Dark for the dispatch room; the site's tablet and the customer's and
 * supervisor's phones start light and high-contrast because they are read in
 * sunlight. A person's own choice wins.
 */
export function preferredTheme(user: CurrentUser | null): Theme {
  if (user) {
    const own = localStorage.getItem(userThemeKey(user.username));
    if (isTheme(own)) return own;
    return OUTDOOR_ROLES.has(user.role) ? 'light' : 'dark';
  }
  const last = localStorage.getItem(LAST_THEME_KEY);
  return isTheme(last) ? last : 'dark';
}

export function rememberTheme(user: CurrentUser | null, theme: Theme): void {
  if (user) localStorage.setItem(userThemeKey(user.username), theme);
  localStorage.setItem(LAST_THEME_KEY, theme);
}

export function applyTheme(theme: Theme): void {
  const root = document.documentElement;
  root.dataset.theme = theme;
  root.style.colorScheme = theme;
  document.querySelector('meta[name="theme-color"]')?.setAttribute('content', theme === 'dark' ? '#0f1419' : '#ffffff');
}

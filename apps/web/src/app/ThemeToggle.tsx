import { useI18n } from '../i18n/useI18n';
import { useTheme } from './useTheme';

export function ThemeToggle() {
  const { theme, toggleTheme } = useTheme();
  const { t } = useI18n();
  const isDark = theme === 'dark';
  return (
    <button
      type="button"
      className="button button--ghost theme-toggle"
      data-testid="theme-switch"
      aria-pressed={!isDark}
      title={isDark ? t('header.switchToLight') : t('header.switchToDark')}
      aria-label={isDark ? t('header.switchToLight') : t('header.switchToDark')}
      onClick={toggleTheme}
    >
      <span aria-hidden="true" className="theme-toggle-icon">
        {isDark ? '☀' : '☾'}
      </span>
      <span className="theme-toggle-label">{isDark ? t('header.themeLight') : t('header.themeDark')}</span>
    </button>
  );
}

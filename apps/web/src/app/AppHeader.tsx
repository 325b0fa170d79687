import type { CurrentUser } from '@pourline/contracts';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { useI18n } from '../i18n/useI18n';
import { ThemeToggle } from './ThemeToggle';

interface AppHeaderProps {
  user: CurrentUser;
  onHome: () => void;
  onSignOut: () => void;
}

export function AppHeader({ user, onHome, onSignOut }: AppHeaderProps) {
  const { t } = useI18n();
  return (
    <header className="app-header">
      <a
        className="brand"
        href="#/"
        onClick={(event) => {
          event.preventDefault();
          onHome();
        }}
      >
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">{t('app.name')}</span>
      </a>
      <div className="header-tools">
        <LanguageSwitch />
        <ThemeToggle />
        <div className="user-menu" data-testid="user-menu">
          <span className="user-name">{user.displayName}</span>
          <span className="user-role" data-testid="user-role" data-role={user.role}>
            {t(`role.${user.role}`)}
          </span>
        </div>
        <button type="button" className="button button--ghost" data-testid="sign-out" onClick={onSignOut}>
          {t('header.signOut')}
        </button>
      </div>
    </header>
  );
}

import { ApiContext } from '../api/ApiContext';
import { ClientConfigContext } from '../api/ClientConfigContext';
import { useLoadClientConfig } from '../api/useLoadClientConfig';
import { CurrentUserContext } from '../auth/CurrentUserContext';
import { LoginPage } from '../auth/LoginPage';
import { useSession } from '../auth/useSession';
import { useI18n } from '../i18n/useI18n';
import { LiveProvider } from '../live/LiveProvider';
import { Console } from './Console';
import { ThemeProvider } from './ThemeProvider';

export function App() {
  const config = useLoadClientConfig();
  const { session, api, signIn, signOut, retry } = useSession();
  const user = session.status === 'signed-in' ? session.user : null;

  return (
    <ClientConfigContext value={config}>
      <ThemeProvider user={user}>
        {session.status === 'checking' && <Splash />}
        {session.status === 'unreachable' && <Unreachable onRetry={retry} onSignOut={signOut} />}
        {session.status === 'signed-out' && <LoginPage expired={session.expired} onSignIn={signIn} />}
        {session.status === 'signed-in' && (
          <ApiContext value={api}>
            <CurrentUserContext value={session.user}>
              <LiveProvider>
                <Console user={session.user} onSignOut={signOut} />
              </LiveProvider>
            </CurrentUserContext>
          </ApiContext>
        )}
      </ThemeProvider>
    </ClientConfigContext>
  );
}

function Unreachable({ onRetry, onSignOut }: { onRetry: () => void; onSignOut: () => void }) {
  const { t } = useI18n();
  return (
    <div className="splash" role="alert" data-testid="server-unreachable">
      <p>{t('common.networkError')}</p>
      <div className="action-row">
        <button type="button" className="button button--primary" onClick={onRetry}>
          {t('common.retry')}
        </button>
        <button type="button" className="button button--ghost" onClick={onSignOut}>
          {t('header.signOut')}
        </button>
      </div>
    </div>
  );
}

function Splash() {
  const { t } = useI18n();
  return (
    <div className="splash" role="status">
      <span className="brand-mark" aria-hidden="true" />
      {t('app.loading')}
    </div>
  );
}

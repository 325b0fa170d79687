import { LoginRequest, ROLES } from '@pourline/contracts';
import { type FormEvent, useState } from 'react';
import { ApiRequestError } from '../api/ApiRequestError';
import { errorMessage } from '../api/errorMessage';
import { useClientConfig } from '../api/useClientConfig';
import { ThemeToggle } from '../app/ThemeToggle';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { useI18n } from '../i18n/useI18n';

const DEMO_USERS = ['admin', 'dispatcher', 'plant', 'site', 'qc', 'aftersales', 'customer', 'supervisor'] as const;
const DEMO_PASSWORD = 'pourline';
const DEMO_ROLE_BY_USER: Record<(typeof DEMO_USERS)[number], (typeof ROLES)[number]> = {
  admin: 'admin',
  dispatcher: 'dispatcher',
  plant: 'plant_operator',
  site: 'site_dispatcher',
  qc: 'qc_inspector',
  aftersales: 'after_sales',
  customer: 'customer',
  supervisor: 'supervisor',
};

interface LoginPageProps {
  expired: boolean;
  onSignIn: (request: LoginRequest) => Promise<void>;
}

export function LoginPage({ expired, onSignIn }: LoginPageProps) {
  const { t } = useI18n();
  const config = useClientConfig();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const request = LoginRequest.safeParse({ username, password });
    if (!request.success) {
      setError(t('login.required'));
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      await onSignIn(request.data);
    } catch (failure) {
      setError(
        failure instanceof ApiRequestError && failure.statusCode === 401 ? t('login.failed') : errorMessage(failure, t),
      );
      setSubmitting(false);
    }
  }

  return (
    <main className="login-page">
      <div className="login-tools">
        <LanguageSwitch />
        <ThemeToggle />
      </div>
      <form className="login-card" onSubmit={submit} noValidate aria-labelledby="login-title">
        <div className="brand brand--large">
          <span className="brand-mark" aria-hidden="true" />
          <div>
            <div className="brand-name">{t('app.name')}</div>
            <div className="brand-tagline">{t('app.tagline')}</div>
          </div>
        </div>
        <h1 id="login-title">{t('login.title')}</h1>
        {expired && !error && <p className="notice">{t('login.sessionExpired')}</p>}
        <label className="field">
          <span>{t('login.username')}</span>
          <input
            data-testid="login-username"
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            value={username}
            onChange={(event) => setUsername(event.target.value)}
            autoFocus
          />
        </label>
        <label className="field">
          <span>{t('login.password')}</span>
          <input
            data-testid="login-password"
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </label>
        {error && (
          <p className="form-error" role="alert" data-testid="login-error">
            {error}
          </p>
        )}
        <button
          className="button button--primary button--block"
          type="submit"
          disabled={submitting}
          data-testid="login-submit"
        >
          {submitting ? t('login.submitting') : t('login.submit')}
        </button>
        {config?.demo && (
          <section className="demo-hint" data-testid="demo-hint" aria-label={t('login.demoTitle')}>
            <h2>{t('login.demoTitle')}</h2>
            <ul>
              {DEMO_USERS.map((user) => (
                <li key={user}>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => {
                      setUsername(user);
                      setPassword(DEMO_PASSWORD);
                    }}
                  >
                    <code>{user}</code>
                  </button>
                  <span className="muted">{t(`role.${DEMO_ROLE_BY_USER[user]}`)}</span>
                </li>
              ))}
            </ul>
            <p className="muted">{t('login.demoHint', { password: DEMO_PASSWORD })}</p>
          </section>
        )}
      </form>
    </main>
  );
}

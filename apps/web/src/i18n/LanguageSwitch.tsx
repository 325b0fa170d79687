import { isLocale, LOCALE_NAMES, LOCALES } from './locales';
import { useI18n } from './useI18n';

export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <label className="language-switch">
      <span className="visually-hidden">{t('header.language')}</span>
      <select
        data-testid="language-switch"
        value={locale}
        aria-label={t('header.language')}
        onChange={(event) => {
          if (isLocale(event.target.value)) setLocale(event.target.value);
        }}
      >
        {LOCALES.map((option) => (
          <option key={option} value={option} lang={option}>
            {LOCALE_NAMES[option]}
          </option>
        ))}
      </select>
    </label>
  );
}

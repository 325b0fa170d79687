import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { I18nContext, type I18n } from './I18nContext';
import { isLocale, type Locale } from './locales';
import { createTranslator } from './translator';

const STORAGE_KEY = 'pourline.locale';

function initialLocale(): Locale {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (isLocale(stored)) return stored;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLocaleState(next);
  }, []);

  const value = useMemo<I18n>(() => {
    const t = createTranslator(locale);
    const numberFormats = new Map<number, Intl.NumberFormat>();
    return {
      locale,
      setLocale,
      t,
      formatNumber: (number: number, maximumFractionDigits = 1) => {
        let format = numberFormats.get(maximumFractionDigits);
        if (!format) {
          format = new Intl.NumberFormat(locale, { maximumFractionDigits });
          numberFormats.set(maximumFractionDigits, format);
        }
        return format.format(number);
      },
    };
  }, [locale, setLocale]);

  return <I18nContext value={value}>{children}</I18nContext>;
}

import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { I18nContext, type I18n, type TranslationValues } from './I18nContext';
import { CATALOGUES, isLocale, type Locale } from './locales';
import type { MessageKey } from './messages.en';

const STORAGE_KEY = 'pourline.locale';

function initialLocale(): Locale {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (isLocale(stored)) return stored;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

function interpolate(template: string, values: TranslationValues | undefined): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
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
    const messages = CATALOGUES[locale];
    const numberFormats = new Map<number, Intl.NumberFormat>();
    return {
      locale,
      setLocale,
      t: (key: MessageKey, values?: TranslationValues) => interpolate(messages[key], values),
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

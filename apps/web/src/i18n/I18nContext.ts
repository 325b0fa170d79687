import { createContext } from 'react';
import type { MessageKey } from './messages.en';
import type { Locale } from './locales';

export type TranslationValues = Record<string, string | number>;

export interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: (key: MessageKey, values?: TranslationValues) => string;
  formatNumber: (value: number, maximumFractionDigits?: number) => string;
}

export const I18nContext = createContext<I18n | null>(null);

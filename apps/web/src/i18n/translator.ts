import i18next, { type TFunction } from 'i18next';
import type { TranslationValues } from './I18nContext';
import { CATALOGUES, type Locale } from './locales';
import type { MessageKey } from './messages.en';

export type Translate = (key: MessageKey, values?: TranslationValues) => string;

/**
 * The catalogues through i18next: `{name}` placeholders, and plural forms by the language's own
 * rules — a key with `count` reads `key_one` / `key_other` in English and `key_other` in Chinese.
 * Keys are flat ('board.count'), so neither dots nor colons separate anything.
 */
export function createTranslator(locale: Locale): Translate {
  const instance = i18next.createInstance();
  void instance.init({
    lng: locale,
    fallbackLng: 'en',
    resources: {
      en: { translation: CATALOGUES.en },
      'zh-CN': { translation: CATALOGUES['zh-CN'] },
    },
    initAsync: false,
    keySeparator: false,
    nsSeparator: false,
    returnNull: false,
    // React escapes what it renders; escaping here would show "&amp;" to people.
    interpolation: { prefix: '{', suffix: '}', escapeValue: false },
  });
  const t: TFunction = instance.t.bind(instance);
  return (key, values) => t(key, values ?? {});
}

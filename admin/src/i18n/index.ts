// zh-CN first (bundled), English on demand (loaded when the user switches). The chosen language is
// remembered by react-admin's store.
import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { TranslationMessages } from 'react-admin';
import { zh } from './zh';

export const DEFAULT_LOCALE = 'zh-CN';

export const LOCALES = [
  { locale: 'zh-CN', name: '中文' },
  { locale: 'en', name: 'English' },
];

const loadMessages = (locale: string): TranslationMessages | Promise<TranslationMessages> =>
  locale === 'en' ? import('./en').then((m) => m.en) : zh;

export const i18nProvider = polyglotI18nProvider(loadMessages, DEFAULT_LOCALE, LOCALES, { allowMissing: true });

/** The language in use, for names that come in two columns (`nameZh`/`nameEn`). */
export function currentLocale(): string {
  return i18nProvider.getLocale();
}

/** A record's name in the language in use (departments, districts, categories all have both). */
export function localName(record: { nameZh?: unknown; nameEn?: unknown } | null | undefined): string {
  if (!record) return '';
  const zhName = typeof record.nameZh === 'string' ? record.nameZh : '';
  const enName = typeof record.nameEn === 'string' ? record.nameEn : '';
  return currentLocale() === 'en' ? enName || zhName : zhName || enName;
}

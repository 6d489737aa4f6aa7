import type { EnglishStrings } from './en';

// Typed keys: t('sales.pay') is checked at compile time against the English file.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: EnglishStrings };
  }
}

import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en, type Translation } from './en';

export const DEFAULT_LANGUAGE = 'en';

/**
 * English is bundled so the first screen never waits. Other languages (af, zu,
 * coming with the receipts work) are added here as lazy imports, e.g.
 * `af: () => import('./af').then((m) => m.af)`, and load on demand.
 */
const lazyLanguages: Record<string, () => Promise<Translation>> = {};

export const SUPPORTED_LANGUAGES = [DEFAULT_LANGUAGE, ...Object.keys(lazyLanguages)];

/** Locale for Intl formatting: dates and numbers are South African. */
export function intlLocale(language: string): string {
  return `${language}-ZA`;
}

export async function initI18n(): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en } },
    lng: DEFAULT_LANGUAGE,
    fallbackLng: DEFAULT_LANGUAGE,
    // React escapes what it renders; escaping here too would show "&amp;".
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}

export async function changeLanguage(language: string): Promise<void> {
  const load = lazyLanguages[language];
  if (load && !i18next.hasResourceBundle(language, 'translation')) {
    i18next.addResourceBundle(language, 'translation', await load());
  }
  await i18next.changeLanguage(language);
}

/**
 * Adds the staff area's strings (staff, devices, audit log, roles, sessions) and
 * the Sync screen's and alerts' (`enBackOffice.ts`) before those screens render;
 * the lazy loaders of the Staff and Sync screens await it.
 */
export async function loadStaffAreaStrings(): Promise<void> {
  if (i18next.exists('staff.title')) return;
  const [{ enStaffArea }, { enBackOffice }] = await Promise.all([import('./enStaffArea'), import('./enBackOffice')]);
  i18next.addResourceBundle(DEFAULT_LANGUAGE, 'translation', enBackOffice, true, false);
  i18next.addResourceBundle(DEFAULT_LANGUAGE, 'translation', enStaffArea, true, false);
}

/** Adds the strings of the payment, slip, line editor, shift and camera screens before they render. */
export async function loadLaterStrings(): Promise<void> {
  if (i18next.exists('shift.title')) return;
  const { enLater } = await import('./enLater');
  i18next.addResourceBundle(DEFAULT_LANGUAGE, 'translation', enLater, true, false);
}

/** Adds the Sales tab's strings (past sales, refunds, voids) before it renders. */
export async function loadRefundStrings(): Promise<void> {
  if (i18next.exists('refunds.title')) return;
  const { enRefunds } = await import('./enRefunds');
  i18next.addResourceBundle(DEFAULT_LANGUAGE, 'translation', enRefunds, true, false);
}

/** Adds the strings of the Customers tab and the till's customer picker before they render. */
export async function loadCustomerStrings(): Promise<void> {
  if (i18next.exists('customers.title')) return;
  const { enCustomers } = await import('./enCustomers');
  i18next.addResourceBundle(DEFAULT_LANGUAGE, 'translation', enCustomers, true, false);
}

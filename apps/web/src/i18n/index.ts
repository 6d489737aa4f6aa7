import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { AREA_KEYS, type Area, type AreaLoaders } from './areas';
import { en } from './en';
import { readDeviceLanguage, saveDeviceLanguage } from './deviceLanguage';
import { LANGUAGES, type Language } from './languages';

export { LANGUAGES, LANGUAGE_NAMES, type Language } from './languages';

export const DEFAULT_LANGUAGE: Language = 'en';
export const SUPPORTED_LANGUAGES: readonly string[] = LANGUAGES;

const intlLocales = new Map<string, string>();

/**
 * Locale for Intl dates and times: South African, in the UI language (af-ZA, zu-ZA: month names and
 * the locale's own order), or en-ZA where the browser has no data for it (some Chromium builds have
 * none for isiZulu and would fall back to en-US's order and 12-hour clock). Money and numbers are
 * en-ZA in every language (the domain's `formatRands`).
 */
export function intlLocale(language: string): string {
  let locale = intlLocales.get(language);
  if (!locale) {
    const wanted = `${language}-ZA`;
    locale = Intl.DateTimeFormat.supportedLocalesOf(wanted).length > 0 ? wanted : 'en-ZA';
    intlLocales.set(language, locale);
  }
  return locale;
}

/** English by area (see `areas.ts`): the first screen's strings are bundled, the rest load with their screens. */
const enAreas: AreaLoaders = {
  core: async () => ({ en }),
  later: () => import('./enLater'),
  staffArea: () => Promise.all([import('./enBackOffice'), import('./enStaffArea')]),
  refunds: () => import('./enRefunds'),
  customers: () => import('./enCustomers'),
  receipts: () => import('./enReceipts'),
  account: () => import('./enAccount'),
  products: () => import('./products.en'),
  stockAlerts: () => import('./enStockAlerts'),
};

/** Each language's table of areas; Afrikaans' and isiZulu's are fetched the first time they are needed. */
const AREAS: Record<Language, () => Promise<AreaLoaders>> = {
  en: async () => enAreas,
  af: () => import('./areas.af').then((module) => module.afAreas),
  zu: () => import('./areas.zu').then((module) => module.zuAreas),
};

/** The areas the app has asked for: a change of language loads them in the new language before it shows. */
const wantedAreas = new Set<Area>(['core']);
/** The language shown, or the one being switched to (areas asked for meanwhile load in it). */
let chosen: Language = DEFAULT_LANGUAGE;
const loading = new Map<string, Promise<void>>();

function isLanguage(language: string): language is Language {
  return (LANGUAGES as readonly string[]).includes(language);
}

/** Loads an area's strings in one language, once (concurrent calls share the fetch; a failed one may retry). */
function loadAreaIn(area: Area, language: Language): Promise<void> {
  if (i18next.getResource(language, 'translation', AREA_KEYS[area]) !== undefined) return Promise.resolve();
  const id = `${area}:${language}`;
  let pending = loading.get(id);
  if (!pending) {
    pending = AREAS[language]()
      .then((areas) => areas[area]())
      .then((loaded) => {
        // A module (or several): every export is a strings object.
        for (const module of [loaded].flat()) {
          for (const strings of Object.values(module)) {
            i18next.addResourceBundle(language, 'translation', strings, true, false);
          }
        }
      })
      .finally(() => loading.delete(id));
    loading.set(id, pending);
  }
  return pending;
}

/** Loads an area in English (the fallback) and in the language shown or being switched to. */
async function loadArea(area: Area): Promise<void> {
  wantedAreas.add(area);
  const languages = new Set<Language>([DEFAULT_LANGUAGE, chosen]);
  await Promise.all([...languages].map((language) => loadAreaIn(area, language)));
}

/**
 * The language to start in: the one chosen on this device, else the browser's if the app has it
 * (a phone set to isiZulu opens in isiZulu), else English.
 */
export function startLanguage(): Language {
  const saved = readDeviceLanguage();
  if (saved && isLanguage(saved)) return saved;
  const preferred = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  for (const tag of preferred) {
    const base = tag?.split('-')[0]?.toLowerCase() ?? '';
    if (isLanguage(base)) return base;
  }
  return DEFAULT_LANGUAGE;
}

/**
 * Starts i18next in English, then switches to `language` (by default the device's) before the
 * first render. A language that cannot load (offline before the service worker had it) leaves
 * English: the till must open whatever happens.
 */
export async function initI18n(language: string = startLanguage()): Promise<typeof i18next> {
  chosen = DEFAULT_LANGUAGE;
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en } },
    lng: DEFAULT_LANGUAGE,
    fallbackLng: DEFAULT_LANGUAGE,
    // React escapes what it renders; escaping here too would show "&amp;".
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  setDocumentLanguage(DEFAULT_LANGUAGE);
  if (language !== DEFAULT_LANGUAGE) {
    try {
      await changeLanguage(language);
    } catch (error) {
      console.error(`Could not load the strings of "${language}"; showing English`, error);
    }
  }
  return i18next;
}

function setDocumentLanguage(language: Language): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

/**
 * Shows the app in `language`: loads its first-screen strings and every area already loaded,
 * then switches, so no screen shows a key or English meanwhile. Sets `<html lang>`.
 * Does not remember the choice (`chooseLanguage` does).
 */
export async function changeLanguage(language: string): Promise<void> {
  if (!isLanguage(language)) throw new Error(`Unsupported language: ${language}`);
  const before = i18next.language;
  chosen = language;
  try {
    await Promise.all([...wantedAreas].map((area) => loadAreaIn(area, language)));
  } catch (error) {
    if (chosen === language && isLanguage(before)) chosen = before;
    throw error;
  }
  if (chosen !== language) return; // a later choice is on its way
  await i18next.changeLanguage(language);
  setDocumentLanguage(language);
}

/** The language picker's choice: shown at once, and kept on this device for the next start. */
export async function chooseLanguage(language: string): Promise<void> {
  await changeLanguage(language);
  saveDeviceLanguage(language);
}

/**
 * Adds the staff area's strings (staff, devices, audit log, roles, sessions) and
 * the Sync screen's and alerts' (`*BackOffice.ts`) before those screens render;
 * the lazy loaders of the Staff and Sync screens await it.
 */
export function loadStaffAreaStrings(): Promise<void> {
  return loadArea('staffArea');
}

/** Adds the strings of the payment, slip, line editor, shift and camera screens before they render. */
export function loadLaterStrings(): Promise<void> {
  return loadArea('later');
}

/** Adds the Sales tab's strings (past sales, refunds, voids) before it renders. */
export function loadRefundStrings(): Promise<void> {
  return loadArea('refunds');
}

/** Adds the strings of the Customers tab and the till's customer picker before they render. */
export function loadCustomerStrings(): Promise<void> {
  return loadArea('customers');
}

/** Adds the strings of the receipt actions, the shop's receipt details and the buyer form before they render. */
export function loadReceiptStrings(): Promise<void> {
  return loadArea('receipts');
}

/** Adds the strings of the pharmacy's email sign-in, registration and two-factor steps before they render. */
export function loadAccountStrings(): Promise<void> {
  return loadArea('account');
}

/** Adds the Products tab's strings before it renders. */
export function loadProductStrings(): Promise<void> {
  return loadArea('products');
}

/** Adds the notification centre's strings (stock alerts, the notify setting, the notifications' words) before it renders. */
export function loadStockAlertStrings(): Promise<void> {
  return loadArea('stockAlerts');
}

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LANGUAGES } from './languages';

/**
 * Issue 6's CI check: every English bundle has an Afrikaans and an isiZulu counterpart with
 * exactly its keys, the same placeholders per key and no empty string. The bundles are found
 * by file name (`en*.ts`, `af*.ts`, `zu*.ts`), so a new bundle is checked without editing this.
 */
const modules = import.meta.glob<Record<string, unknown>>(['./{en,af,zu}.ts', './{en,af,zu}[A-Z]*.ts'], {
  eager: true,
});

type Strings = { [key: string]: string | Strings };

/** `./afLater.ts` → { language: 'af', area: 'Later', strings: the module's `afLater` }. */
const bundles = Object.entries(modules).map(([path, module]) => {
  const name = /^\.\/(\w+)\.ts$/.exec(path)?.[1] ?? path;
  const language = name.slice(0, 2);
  return { name, language, area: name.slice(2), strings: module[name] as Strings | undefined };
});
const areas = [...new Set(bundles.filter((bundle) => bundle.language === 'en').map((bundle) => bundle.area))];

function leaves(strings: Strings, prefix = ''): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(strings)) {
    if (typeof value === 'string') found.set(`${prefix}${key}`, value);
    else for (const [leaf, text] of leaves(value, `${prefix}${key}.`)) found.set(leaf, text);
  }
  return found;
}

function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/{{\s*([^}\s]+)\s*}}/g)].map((match) => match[1] ?? ''))].sort();
}

/** A plural form's count may be written out or left to the words ("One more…"): i18next always passes it. */
function placeholdersToCompare(key: string, text: string): string[] {
  const names = placeholders(text);
  return /_(zero|one|two|few|many|other)$/.test(key) ? names.filter((name) => name !== 'count') : names;
}

function bundle(language: string, area: string): Strings {
  const found = bundles.find((entry) => entry.language === language && entry.area === area);
  if (!found?.strings) throw new Error(`No ${language}${area}.ts exporting ${language}${area}`);
  return found.strings;
}

describe('every bundle in English, Afrikaans and isiZulu', () => {
  it('finds the bundles (the first screen and the lazy areas)', () => {
    expect(areas).toContain('');
    expect(areas).toEqual(expect.arrayContaining(['Later', 'StaffArea', 'BackOffice', 'Refunds', 'Customers']));
    const strays = bundles.filter((entry) => !areas.includes(entry.area)).map((entry) => entry.name);
    expect(strays, 'a translation without an English bundle').toEqual([]);
    // The loaders add every export of a bundle's module as strings (areas.ts): one, named as the file.
    const exports = Object.entries(modules).map(([path, module]) => [path, Object.keys(module)]);
    expect(exports).toEqual(bundles.map((entry) => [`./${entry.name}.ts`, [entry.name]]));
  });

  for (const area of areas) {
    for (const language of LANGUAGES.filter((code) => code !== 'en')) {
      describe(`${language}${area || ' (first screen)'}`, () => {
        it('has exactly the English keys', () => {
          const english = [...leaves(bundle('en', area)).keys()].sort();
          const translated = [...leaves(bundle(language, area)).keys()].sort();
          expect(
            translated.filter((key) => !english.includes(key)),
            'keys English does not have',
          ).toEqual([]);
          expect(
            english.filter((key) => !translated.includes(key)),
            'keys missing',
          ).toEqual([]);
        });

        it('keeps every placeholder of each string, and adds none', () => {
          const english = leaves(bundle('en', area));
          const mismatched = [...leaves(bundle(language, area))]
            .filter(([key]) => english.has(key))
            .filter(
              ([key, text]) =>
                placeholdersToCompare(key, text).join() !== placeholdersToCompare(key, english.get(key) ?? '').join(),
            )
            .map(([key, text]) => `${key}: "${text}" (English: "${english.get(key)}")`);
          expect(mismatched).toEqual([]);
        });

        it('has no empty string', () => {
          const empty = [...leaves(bundle(language, area))]
            .filter(([, text]) => text.trim() === '')
            .map(([key]) => key);
          expect(empty).toEqual([]);
        });
      });
    }
  }
});

describe('loading and changing the language', () => {
  const stored = new Map<string, string>();

  beforeEach(() => {
    stored.clear();
    vi.stubGlobal('localStorage', {
      getItem: (key: string) => stored.get(key) ?? null,
      setItem: (key: string, value: string) => void stored.set(key, value),
    });
    vi.resetModules(); // a fresh i18n module (its loaded-areas table) for each test
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('starts in the language chosen on this device, before the first render', async () => {
    stored.set('opentill.language', 'zu');
    const { initI18n } = await import('./index');
    const i18n = await initI18n();
    expect(i18n.language).toBe('zu');
    expect(i18n.t('nav.sell')).toBe('Thengisa');
  });

  it('starts in English when nothing was chosen and the browser has no language of ours', async () => {
    vi.stubGlobal('navigator', { languages: ['fr-FR', 'en-GB'], language: 'fr-FR' });
    const { initI18n } = await import('./index');
    expect((await initI18n()).language).toBe('en');
  });

  it('follows the browser’s language when nothing was chosen', async () => {
    vi.stubGlobal('navigator', { languages: ['af-ZA', 'en-ZA'], language: 'af-ZA' });
    const { startLanguage } = await import('./index');
    expect(startLanguage()).toBe('af');
  });

  it('loads an area in the language shown and in English, per language (not fooled by the fallback)', async () => {
    const { initI18n, changeLanguage, loadLaterStrings } = await import('./index');
    const i18next = await initI18n('en');
    await loadLaterStrings();
    expect(i18next.getResource('en', 'translation', 'shift.title')).toBe('Shift');
    expect(i18next.getResource('af', 'translation', 'shift.title')).toBeUndefined();

    // Switching loads the areas already loaded, in the new language, before it shows.
    await changeLanguage('af');
    expect(i18next.t('shift.title')).toBe('Skof');
    expect(i18next.t('sales.done.paid')).toBe('Betaal');

    // An area loaded later comes in the current language too (English stays the fallback).
    const { loadRefundStrings } = await import('./index');
    await loadRefundStrings();
    expect(i18next.t('refunds.title')).toBe('Verkope en terugsendings');
    expect(i18next.getResource('en', 'translation', 'refunds.title')).toBe('Sales and returns');

    await changeLanguage('zu');
    expect(i18next.t('refunds.title')).toBe('Izintengiso nokubuyiswayo');
    expect(i18next.t('sales.payment.title')).toBe('Inkokhelo');
    expect(i18next.t('sales.pay', { amount: 'R 5,00' })).toBe('Khokha R 5,00');

    await changeLanguage('en');
    expect(i18next.t('refunds.title')).toBe('Sales and returns');
  });

  it('keeps the choice on the device only when the picker chooses it', async () => {
    const { initI18n, changeLanguage, chooseLanguage } = await import('./index');
    const i18next = await initI18n('en');
    await changeLanguage('af');
    expect(stored.get('opentill.language')).toBeUndefined();
    await chooseLanguage('zu');
    expect(stored.get('opentill.language')).toBe('zu');
    expect(i18next.language).toBe('zu');
  });

  it('refuses a language the app does not have, and stays in the one shown', async () => {
    const { initI18n, changeLanguage } = await import('./index');
    const i18next = await initI18n('af');
    await expect(changeLanguage('fr')).rejects.toThrow('Unsupported language');
    expect(i18next.language).toBe('af');
  });

  it('counts in each language with i18next’s plural forms', async () => {
    const { initI18n, changeLanguage, loadProductStrings } = await import('./index');
    const i18next = await initI18n('af');
    await loadProductStrings();
    expect(i18next.t('products.count', { count: 1 })).toBe('1 produk');
    expect(i18next.t('products.count', { count: 3 })).toBe('3 produkte');
    await changeLanguage('zu');
    // isiZulu's "one" covers 0 too (CLDR): its count strings read right for 0, 1 and more.
    expect(i18next.t('products.count', { count: 0 })).toBe('Izimpahla: 0');
    expect(i18next.t('products.count', { count: 1 })).toBe('Izimpahla: 1');
    expect(i18next.t('auth.sessionEnded.unsentOther', { count: 2 })).toBe(
      'Ezinye izinguquko ezingu-2 nazo zilinde ukuthunyelwa.',
    );
  });
});

describe('formats', () => {
  it('dates in the language, South African; en-ZA where the browser has no data for the language', async () => {
    const { intlLocale } = await import('./index');
    expect(intlLocale('en')).toBe('en-ZA');
    expect(intlLocale('af')).toBe('af-ZA');
    expect(intlLocale('xx')).toBe('en-ZA');
    const date = new Date('2026-11-30T10:00:00Z');
    expect(new Intl.DateTimeFormat(intlLocale('af'), { month: 'long', timeZone: 'UTC' }).format(date)).toBe('November');
    expect(new Intl.DateTimeFormat(intlLocale('af'), { weekday: 'long', timeZone: 'UTC' }).format(date)).toBe(
      'Maandag',
    );
  });
});

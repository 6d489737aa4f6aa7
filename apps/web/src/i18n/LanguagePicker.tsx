import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GlobeIcon } from '../ui/icons';
import { chooseLanguage, LANGUAGE_NAMES, LANGUAGES, type Language } from './index';

/**
 * The device's language (issue 6): a globe chip over a native `<select>` that lists each language in
 * its own words, so a reader finds theirs whatever the screen shows. For everyone, cashiers included:
 * the till's header carries it as a bare globe (`compact`: the shop's name needs the room on a
 * 360 px phone), the welcome screen with the language's name. The choice is kept on this phone
 * (`chooseLanguage`); if its strings cannot load (offline before the service worker had them) the
 * app stays as it was.
 */
export function LanguagePicker({ compact = false }: { compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const current = i18n.language as Language;
  return (
    <label
      className={`relative -my-1 flex min-h-11 min-w-11 shrink-0 items-center justify-center gap-1.5 rounded-full bg-white/15 text-sm font-semibold text-white focus-within:ring-2 focus-within:ring-white active:bg-white/25 ${compact ? '' : 'px-3'}`}
    >
      <GlobeIcon className={compact ? 'size-5' : 'size-4'} />
      {compact ? null : <span aria-hidden="true">{LANGUAGE_NAMES[current] ?? current}</span>}
      <select
        data-testid="language-picker"
        aria-label={t('language.label')}
        title={t('language.label')}
        value={current}
        disabled={busy}
        onChange={(event) => {
          setBusy(true);
          void chooseLanguage(event.target.value)
            .catch((error: unknown) => console.error('Could not change the language', error))
            .finally(() => setBusy(false));
        }}
        // Invisible but tappable; its options (the native list) in dark text.
        className="absolute inset-0 cursor-pointer appearance-none text-slate-900 opacity-0"
      >
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {LANGUAGE_NAMES[language]}
          </option>
        ))}
      </select>
    </label>
  );
}

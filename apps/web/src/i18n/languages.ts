/** The app's languages (issue 6): English, Afrikaans and isiZulu. */
export const LANGUAGES = ['en', 'af', 'zu'] as const;

export type Language = (typeof LANGUAGES)[number];

/** Each language's name in itself, as the picker shows it: a reader finds their own. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', af: 'Afrikaans', zu: 'isiZulu' };

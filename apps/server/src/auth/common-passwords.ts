/**
 * The common-password check the domain's `passwordProblems` is given (issue 4). The list is
 * @zxcvbn-ts/language-common's "passwords-common" (about 49,000 passwords, most used first, all lower
 * case; MIT). Beyond the exact list it catches the trivial variants people reach for when a password is
 * refused: capitals, digits or symbols after a listed word ("Sunshine2024!"), and leetspeak ("P@ssw0rd").
 */
import type { IsCommonPassword } from '@opentill/domain';

/** Characters people append to a refused password. */
const SUFFIX_CHARACTER = /[\d!?.*#@$]/u;
const HAS_LETTER = /\p{L}/u;
/**
 * Leetspeak back to letters. `1` may stand for l or i, or be a real digit of a listed password
 * ("tru5tno1"), so three readings are tried rather than every combination.
 */
const LEET = { '0': 'o', '3': 'e', '4': 'a', '5': 's', '@': 'a', $: 's' };
const LEET_READINGS: readonly Readonly<Record<string, string>>[] = [LEET, { ...LEET, '1': 'l' }, { ...LEET, '1': 'i' }];

/** A check against this list and the variants above; exported so tests can use a small list. */
export function commonPasswordMatcher(list: Iterable<string>): IsCommonPassword {
  const common = new Set<string>();
  for (const entry of list) common.add(entry.normalize('NFKC').toLowerCase());
  return (password) => {
    const lower = password.normalize('NFKC').toLowerCase();
    if (common.has(lower)) return true;
    return variantBases(lower).some((base) => common.has(base));
  };
}

/**
 * What `password` may be a variant of: itself and every cut of its trailing digits and symbols
 * ("hell0123" → "hell0123", "hell012", …, "hell0", "hell"), each also read as leetspeak ("hello").
 * Only words count: a base without a letter is left out, so a long random number is not refused
 * because it happens to start with "1234".
 */
function variantBases(password: string): string[] {
  const characters = [...password];
  let suffixStart = characters.length;
  while (suffixStart > 0 && SUFFIX_CHARACTER.test(characters[suffixStart - 1] ?? '')) suffixStart -= 1;

  const bases: string[] = [];
  for (let end = characters.length; end >= suffixStart && end > 0; end -= 1) {
    const base = characters.slice(0, end);
    if (!base.some((character) => HAS_LETTER.test(character))) continue;
    bases.push(base.join(''));
    for (const reading of LEET_READINGS) bases.push(base.map((character) => reading[character] ?? character).join(''));
  }
  return bases;
}

let loaded: Promise<IsCommonPassword> | undefined;

/**
 * The check over the shipped list, built on first use (about 70 ms and 10 MB), then shared.
 * Pass the result as `isCommon` to `passwordProblems`.
 */
export function commonPasswordCheck(): Promise<IsCommonPassword> {
  loaded ??= import('@zxcvbn-ts/language-common').then(({ dictionary }) =>
    commonPasswordMatcher(dictionary['passwords-common']),
  );
  return loaded;
}

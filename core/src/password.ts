/** Password rules shared by the server (enforcement) and the web (early feedback). */

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

// Frequent passwords from public breach lists, plus local ones an Indonesian office is likely to
// pick. Compared after lower-casing; anything of at least 10 characters from these lists is refused.
const COMMON_PASSWORDS = new Set(
  [
    '1234567890',
    '0123456789',
    '12345678910',
    '123456789a',
    'a123456789',
    '1234567890a',
    '0987654321',
    '1111111111',
    '0000000000',
    '1234512345',
    '1q2w3e4r5t',
    '1qaz2wsx3edc',
    'qwertyuiop',
    'qwerty1234',
    'qwerty12345',
    'qwerty123456',
    'asdfghjkl1',
    'zxcvbnm123',
    'password12',
    'password123',
    'password1234',
    'password01',
    'passw0rd12',
    'p@ssw0rd123',
    'p@ssword123',
    'iloveyou12',
    'iloveyou123',
    'letmein123',
    'welcome123',
    'welcome1234',
    'admin12345',
    'admin123456',
    'administrator',
    'superman123',
    'football123',
    'princess123',
    'sunshine123',
    'starwars123',
    'dragon1234',
    'monkey1234',
    'trustno1234',
    'abcdefghij',
    'abcd123456',
    'abc1234567',
    'changeme123',
    'rahasia123',
    'rahasia1234',
    'rahasiaku1',
    'katasandi1',
    'katasandi123',
    'sandi12345',
    'indonesia1',
    'indonesia123',
    'indonesia45',
    'merdeka1945',
    'indonesia1945',
    'bismillah1',
    'bismillah123',
    'alhamdulillah',
    'sayangku123',
    'cintaku123',
    'manggarai1',
    'manggarai123',
    'ruteng12345',
    'kupang12345',
    'sinergi123',
    'sinergi2026',
    'gugustugas1',
    'tppo123456',
    'jakarta123',
    'bandung123',
    'surabaya123',
    'selamatdatang',
    'qwertyuiop1',
    'zaq12wsxcde',
    '147258369a',
    '1234qwerasdf',
  ].map((p) => p.toLowerCase()),
);

export type PasswordProblem =
  | 'password_too_short'
  | 'password_too_long'
  | 'password_common'
  | 'password_breached'
  | 'password_breached_base'
  | 'password_contains_username'
  | 'password_contains_agency'
  | 'password_contains_region'
  | 'password_contains_app_name';

/**
 * What a password is checked against besides the rules that need nothing. The server knows all of
 * it; the web passes what it has (the username) for early feedback and shows the server's answer.
 */
export interface PasswordContext {
  username?: string;
  /** The agency's full name: refused whole ("Dinas Sosial" does not refuse "sosial"). */
  agencyName?: string;
  /** The agency's short name: refused whole and by its words ("Polres Manggarai": "polres"). */
  agencyShortName?: string;
  /** Names of the task force's region: the region itself, the regions around and below it. */
  regionNames?: readonly string[];
  /** Whether a lower-cased candidate is in the list of leaked passwords (the server's list). */
  isBreached?: (candidate: string) => boolean;
}

/** Words of the product and its offices that a password must not lean on. */
const APP_WORDS = ['sinergi', 'gugustugas', 'tppo'];

/**
 * Words of a place name that say nothing on their own: compass points, island and sea words.
 * "Manggarai Barat" keeps "manggarai"; "Nusa Tenggara Timur" keeps only its whole name.
 */
const GENERIC_PLACE_WORDS = new Set([
  'barat',
  'timur',
  'utara',
  'selatan',
  'tengah',
  'tenggara',
  'daya',
  'laut',
  'raya',
  'baru',
  'kota',
  'kabupaten',
  'provinsi',
  'kepulauan',
  'pulau',
  'nusa',
  'dan',
  'daerah',
  'istimewa',
  'khusus',
  'ibukota',
]);

// Digits and symbols read as the letters they stand for ("p@ssw0rd", "m4ngg4r41").
const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '6': 'g',
  '7': 't',
  '8': 'b',
  '9': 'g',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'l',
  '+': 't',
};

/** Lower case without accents: "Wae Ri'i" and "wae rii" compare alike. */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

function unleet(text: string): string {
  return [...text].map((c) => LEET[c] ?? c).join('');
}

/**
 * A name as words to look for. Whole names (spaces and punctuation removed) and the telling words
 * of a longer name; a word under 6 letters only counts as a whole word of the password, so "Ende"
 * refuses "Ende-2026-kuat" but not "kalender-rumah".
 */
function nameWords(name: string, byWords = true): string[] {
  const folded = fold(name).replace(/^(kabupaten|kota|provinsi)\s+/, '');
  const parts = folded.split(/[^a-z0-9]+/).filter(Boolean);
  const words = new Set<string>();
  const whole = parts.join('');
  if (whole.length >= 3) words.add(whole);
  if (byWords && parts.length > 1)
    for (const part of parts) if (part.length >= 4 && !GENERIC_PLACE_WORDS.has(part)) words.add(part);
  return [...words];
}

/** How a password is looked at: joined (separators dropped) and as its words, both also de-leeted. */
function passwordForms(lower: string) {
  const joined = lower.replace(/[^\p{L}\p{N}]+/gu, '');
  const joinedUnleet = unleet(lower).replace(/[^\p{L}\p{N}]+/gu, '');
  const tokens = new Set<string>();
  for (const form of [lower, unleet(lower)]) {
    for (const token of form.split(/[^\p{L}\p{N}]+/u)) {
      if (!token) continue;
      tokens.add(token);
      // "NTT2026" and "2026ntt" are the word with a number on it.
      const letters = token.replace(/^\d+|\d+$/g, '');
      if (letters) tokens.add(letters);
    }
  }
  return { joined, joinedUnleet, tokens };
}

function containsWord(forms: ReturnType<typeof passwordForms>, word: string): boolean {
  if (word.length >= 6) return forms.joined.includes(word) || forms.joinedUnleet.includes(word);
  return forms.tokens.has(word);
}

/** The longest run of digits and symbols that may be stripped as a "simple suffix" ("2026!", "123456"). */
const MAX_SIMPLE_AFFIX = 6;

/**
 * The password as a leaked list would hold it: whole, de-leeted, and its letters without a short
 * run of digits and symbols before or after ("iloveyou1234" is "iloveyou" with "1234").
 */
function breachedProblem(lower: string, isBreached: (candidate: string) => boolean): PasswordProblem | null {
  if (isBreached(lower) || isBreached(unleet(lower))) return 'password_breached';
  const m = /^([^\p{L}]*)(.*\p{L})([^\p{L}]*)$/u.exec(lower);
  if (!m) return null;
  const [, before = '', core = '', after = ''] = m;
  // "Qw3rtyu10p123": the letters de-leeted, the number kept.
  if (isBreached(before + unleet(core) + after)) return 'password_breached';
  if (before.length + after.length === 0 || before.length + after.length > MAX_SIMPLE_AFFIX) return null;
  if (core.length < 4) return null;
  // The core keeps its own digits ("p@ssw0rd"): those are read as letters, not stripped.
  if (isBreached(core) || isBreached(unleet(core))) return 'password_breached_base';
  return null;
}

/** The rules a new password breaks; empty when it is acceptable. */
export function passwordProblems(password: string, context: PasswordContext = {}): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push('password_too_short');
  if (password.length > PASSWORD_MAX_LENGTH) problems.push('password_too_long');
  const lower = fold(password);
  if (COMMON_PASSWORDS.has(lower) || isTrivialPattern(lower)) problems.push('password_common');
  else if (context.isBreached) {
    const breached = breachedProblem(lower, context.isBreached);
    if (breached) problems.push(breached);
  }
  const forms = passwordForms(lower);
  const username = context.username ? fold(context.username) : '';
  if (
    username.length >= 3 &&
    (lower.includes(username) ||
      forms.joined.includes(username.replace(/[^a-z0-9]+/g, '')) ||
      username
        .split(/[._-]+/)
        .filter((part) => part.length >= 4)
        .some((part) => containsWord(forms, part)))
  )
    problems.push('password_contains_username');
  const has = (names: readonly (string | undefined)[], byWords = true) =>
    names.some((name) => name && nameWords(name, byWords).some((word) => containsWord(forms, word)));
  if (has([context.agencyName], false) || has([context.agencyShortName]))
    problems.push('password_contains_agency');
  if (has(context.regionNames ?? [])) problems.push('password_contains_region');
  if (APP_WORDS.some((word) => containsWord(forms, word))) problems.push('password_contains_app_name');
  return problems;
}

/** One repeated character, or a run of consecutive digits or letters ("aaaaaaaaaa", "2345678901"). */
function isTrivialPattern(p: string): boolean {
  if (p.length === 0) return false;
  if ([...p].every((c) => c === p[0])) return true;
  const asc = '01234567890123456789abcdefghijklmnopqrstuvwxyz';
  const desc = [...asc].reverse().join('');
  return asc.includes(p) || desc.includes(p);
}

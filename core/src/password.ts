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
  | 'password_contains_username';

/** The rules a new password breaks; empty when it is acceptable. */
export function passwordProblems(password: string, context: { username?: string } = {}): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push('password_too_short');
  if (password.length > PASSWORD_MAX_LENGTH) problems.push('password_too_long');
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower) || isTrivialPattern(lower)) problems.push('password_common');
  const username = context.username?.toLowerCase();
  if (username && username.length >= 3 && lower.includes(username))
    problems.push('password_contains_username');
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

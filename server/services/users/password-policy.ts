/** Passwords people commonly pick; refused whatever their length. */
const COMMON = new Set(['password1', 'password123', 'qwerty123', '1234567890', '12345678910', 'qwertyuiop1', 'iloveyou12', 'admin12345', 'welcome123', 'letmein123', 'voronka123', 'parol12345']);

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

/**
 * Why a password is too weak, or null when it will do: at least 10 characters with a letter and
 * a digit, not a well-known password, and not built from the person's e-mail or name.
 */
export function passwordWeakness(password: string, person: { email: string; name: string }): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (password.length > PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters`;
  if (!/\p{L}/u.test(password) || !/\p{N}/u.test(password)) return 'must contain a letter and a digit';
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return 'is a well-known password';
  const personal = [person.email.split('@')[0] ?? '', ...person.name.split(/\s+/)].map((part) => part.toLowerCase()).filter((part) => part.length >= 4);
  if (personal.some((part) => lower.includes(part))) return 'must not contain your name or e-mail';
  return null;
}

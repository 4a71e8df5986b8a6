import { parsePhoneNumberFromString } from 'libphonenumber-js';

/** An extension at the end, after a space or a comma: "доб. 123", "вн. 12", "ext. 5", "x12", "#7", ";ext=5". */
const EXTENSION = /(?:[\s,;]+(?:доб(?:авочный)?|вн(?:утр(?:енний)?)?|ext(?:ension)?|x|#)\.?:?\s*|;ext=)\d{1,7}$/iu;

/**
 * A phone as typed ("8 (916) 123-45-67", "+7 916 1234567", "9161234567") → E.164 ("+79161234567"),
 * or null when it is not a valid number. Russian defaults: a leading 8 means +7. An extension is
 * dropped (duplicates are matched on the line, not the desk).
 */
export function normalizePhone(raw: string): string | null {
  // Any Unicode space (no-break, narrow, thin — pasted from documents) is a plain space to the parser.
  const number = raw.replace(/\s+/g, ' ').trim().replace(EXTENSION, '').trim();
  if (!number) return null;
  // A letter among the digits is a typo ("8 (9I2) …"), not a number to guess at; labels around
  // the number ("тел. …", "… (моб.)") are fine.
  if (/\p{Nd}.*\p{L}.*\p{Nd}/u.test(number)) return null;
  const digits = number.replace(/\D/g, '');
  // "8 9xx …" is how Russians write +7 9xx: libphonenumber knows the trunk prefix for RU.
  const candidate = number.startsWith('+') ? number : digits.length === 10 ? `+7${digits}` : number;
  const phone = parsePhoneNumberFromString(candidate, 'RU');
  return phone?.isValid() ? phone.number : null;
}

/** Any typed or E.164 number → how people read it ("+7 916 123 45 67"); unparseable text as is. */
export function formatPhone(raw: string): string {
  const e164 = normalizePhone(raw);
  return e164 ? parsePhoneNumberFromString(e164)!.formatInternational() : raw;
}

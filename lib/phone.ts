import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { hasLetterAmongDigits, phoneLine } from './phone-shape';

/**
 * A phone as typed ("8 (916) 123-45-67", "+7 916 1234567", "9161234567") → E.164 ("+79161234567"),
 * or null when it is not a valid number. Russian defaults: a leading 8 means +7. An extension is
 * dropped (duplicates are matched on the line, not the desk).
 */
export function normalizePhone(raw: string): string | null {
  // Any Unicode space (no-break, narrow, thin — pasted from documents) is a plain space to the parser.
  const number = phoneLine(raw);
  if (!number || hasLetterAmongDigits(number)) return null;
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

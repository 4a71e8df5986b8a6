import { parsePhoneNumberFromString } from 'libphonenumber-js';

/**
 * A phone as typed ("8 (916) 123-45-67", "+7 916 1234567", "9161234567") → E.164 ("+79161234567"),
 * or null when it is not a valid number. Russian defaults: a leading 8 means +7.
 */
export function normalizePhone(raw: string): string | null {
  const text = raw.trim();
  if (!text) return null;
  const digits = text.replace(/\D/g, '');
  // "8 9xx …" is how Russians write +7 9xx: libphonenumber knows the trunk prefix for RU.
  const candidate = text.startsWith('+') ? text : digits.length === 10 ? `+7${digits}` : text;
  const phone = parsePhoneNumberFromString(candidate, 'RU');
  return phone?.isValid() ? phone.number : null;
}

/** E.164 → how people read it: "+7 916 123-45-67" for Russia, international format otherwise. */
export function formatPhone(e164: string): string {
  const phone = parsePhoneNumberFromString(e164);
  if (!phone) return e164;
  return phone.formatInternational();
}

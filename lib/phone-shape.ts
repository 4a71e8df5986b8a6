/**
 * The shape of a typed phone number, without libphonenumber (so browser forms can check it
 * without loading the numbering plans): lib/phone.ts validates against the plans on the server.
 */

/** An extension at the end, after a space or a comma: "доб. 123", "вн. 12", "ext. 5", "x12", "#7", ";ext=5". */
export const EXTENSION = /(?:[\s,;]+(?:доб(?:авочный)?|вн(?:утр(?:енний)?)?|ext(?:ension)?|x|#)\.?:?\s*|;ext=)\d{1,7}$/iu;

/** The number as typed with any Unicode space made plain, trimmed, its extension dropped. */
export function phoneLine(raw: string): string {
  return raw.replace(/\s+/g, ' ').trim().replace(EXTENSION, '').trim();
}

/** A letter among the digits is a typo ("8 (9I2) …"), not a number to guess at; labels around it are fine. */
export const hasLetterAmongDigits = (line: string) => /\p{Nd}.*\p{L}.*\p{Nd}/u.test(line);

/**
 * Could this be a phone number: no letter among its digits, and 6 to 15 digits (E.164 allows at
 * most 15; some countries' whole numbers have 6). What a form can tell before the server
 * checks the number against the numbering plan of its country.
 */
export function looksLikePhone(raw: string): boolean {
  const line = phoneLine(raw);
  if (!line || hasLetterAmongDigits(line)) return false;
  const digits = line.replace(/\D/g, '').length;
  return digits >= 6 && digits <= 15;
}

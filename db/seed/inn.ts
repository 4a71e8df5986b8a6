/** Taxpayer numbers (ИНН) with correct check digits, so validators in the app accept them. */

const WEIGHTS_10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const WEIGHTS_11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const WEIGHTS_12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

function checkDigit(digits: string, weights: readonly number[]): string {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += Number(digits[i]) * weights[i]!;
  return String((sum % 11) % 10);
}

/** Legal entity: 9 digits of body (region, tax office, serial) plus one check digit. */
export function legalEntityInn(body9: string): string {
  return body9 + checkDigit(body9, WEIGHTS_10);
}

/** Sole proprietor: 10 digits of body plus two check digits. */
export function soleProprietorInn(body10: string): string {
  const eleven = body10 + checkDigit(body10, WEIGHTS_11);
  return eleven + checkDigit(eleven, WEIGHTS_12);
}

export function isValidInn(inn: string): boolean {
  if (/^\d{10}$/.test(inn)) return legalEntityInn(inn.slice(0, 9)) === inn;
  if (/^\d{12}$/.test(inn)) return soleProprietorInn(inn.slice(0, 10)) === inn;
  return false;
}

/** Zero-padded decimal. */
export function digits(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

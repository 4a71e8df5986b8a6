/** Taxpayer numbers (ИНН) for generated companies: the app's own validator's rules, so they pass it. */
export { isValidInn, legalEntityInn, soleProprietorInn } from '@/lib/inn';

/** Zero-padded decimal. */
export function digits(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

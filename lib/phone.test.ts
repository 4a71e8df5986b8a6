import { describe, expect, it } from 'vitest';
import { formatPhone, normalizePhone } from './phone';
import { isValidInn, legalEntityInn, soleProprietorInn } from './inn';

describe('phones', () => {
  it.each([
    ['8 (916) 123-45-67', '+79161234567'],
    ['+7 916 123 45 67', '+79161234567'],
    ['89161234567', '+79161234567'],
    ['9161234567', '+79161234567'],
    ['7 (495) 123-45-67', '+74951234567'],
    ['+375 29 123-45-67', '+375291234567'],
    ['12345', null],
    ['', null],
  ])('%s → %s', (typed, e164) => {
    expect(normalizePhone(typed)).toBe(e164);
  });
  it('formats a Russian number for reading', () => {
    expect(formatPhone('+79161234567')).toBe('+7 916 123 45 67');
    expect(formatPhone('8 (495) 123-45-67')).toBe('+7 495 123 45 67');
    expect(formatPhone('ext. 12')).toBe('ext. 12');
  });
});

describe('INN', () => {
  it('accepts real check digits and refuses wrong ones', () => {
    expect(isValidInn('7707083893')).toBe(true); // Сбербанк
    expect(isValidInn('7707083894')).toBe(false);
    expect(isValidInn(legalEntityInn('500100732'))).toBe(true);
    expect(isValidInn(soleProprietorInn('5001007329'))).toBe(true);
    expect(isValidInn('12345')).toBe(false);
  });
});

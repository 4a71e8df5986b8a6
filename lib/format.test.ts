import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatMoney } from './format';

/** Intl separates groups with (narrow) no-break spaces; compare with plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatting by locale', () => {
  it('formats roubles the Russian way', () => {
    expect(plain(formatMoney('1234567', 'RUB', 'ru'))).toBe('1 234 567,00 ₽');
    expect(plain(formatMoney('0.5', 'RUB', 'ru'))).toBe('0,50 ₽');
  });
  it('formats money the English way', () => {
    expect(plain(formatMoney('1234567.891', 'RUB', 'en'))).toBe('RUB 1,234,567.89');
    expect(plain(formatMoney(99, 'USD', 'en'))).toBe('US$99.00');
  });
  it('formats calendar dates without a time-zone shift and instants in Moscow time', () => {
    expect(formatDate('2026-01-05', 'ru')).toBe('05.01.2026');
    expect(formatDate('2026-01-05', 'en')).toBe('5 Jan 2026');
    // 21:30 UTC is already the next day in Moscow (UTC+3).
    expect(formatDate(new Date('2026-11-22T21:30:00Z'), 'ru')).toBe('23.11.2026');
    expect(plain(formatDateTime(new Date('2026-11-22T21:30:00Z'), 'ru'))).toBe('23 нояб. 2026 г., 00:30');
  });
});

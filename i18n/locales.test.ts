import { describe, expect, it } from 'vitest';
import { localeFromAcceptLanguage } from './locales';

describe('language from the browser', () => {
  it.each([
    ['en-US,en;q=0.9,ru;q=0.8', 'en'],
    ['ru-RU,ru;q=0.9,en-US;q=0.8', 'ru'],
    ['de-DE,de;q=0.9,en;q=0.5,ru;q=0.7', 'ru'],
    ['fr-FR', null],
    ['en;q=0, ru', 'ru'],
    [null, null],
  ])('%s → %s', (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });
});

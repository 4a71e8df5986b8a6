import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatPhone, normalizePhone } from './phone';
import { isValidInn, legalEntityInn, soleProprietorInn } from './inn';

/** A Russian mobile number without the country code: 9xx xxx xx xx. */
const russianMobile = fc.stringMatching(/^9\d{9}$/);

/** How people write a number: +7 / 8 / 7 or nothing, brackets round the code, spaces, dashes. */
const spelling = fc.record({
  prefix: fc.constantFrom('+7', '8', '7', '+7 ', '8 ', '7 ', '+7-', '8-', ''),
  brackets: fc.boolean(),
  afterCode: fc.constantFrom('', ' ', '-'),
  separator: fc.constantFrom('', ' ', '-', '\u00a0', '\u202f'),
  grouping: fc.constantFrom([3, 2, 2], [7], [3, 4], [2, 2, 3]),
  padding: fc.constantFrom('', ' ', '\t'),
});

type Spelling = { prefix: string; brackets: boolean; afterCode: string; separator: string; grouping: readonly number[]; padding: string };

function spell(number: string, way: Spelling): string {
  const code = number.slice(0, 3);
  const groups: string[] = [];
  let at = 3;
  for (const size of way.grouping) {
    groups.push(number.slice(at, at + size));
    at += size;
  }
  return `${way.padding}${way.prefix}${way.brackets ? `(${code})` : code}${way.afterCode}${groups.join(way.separator)}${way.padding}`;
}

const LETTERS = fc.constantFrom(...'abcxzABCXдоДОБ'.split(''));

describe('normalizePhone: properties', () => {
  it('gives every spelling of a Russian mobile the same E.164 number', () => {
    fc.assert(
      fc.property(russianMobile, spelling, spelling, (number, first, second) => {
        expect(normalizePhone(spell(number, first))).toBe(`+7${number}`);
        expect(normalizePhone(spell(number, second))).toBe(normalizePhone(spell(number, first)));
      }),
      { numRuns: 500 },
    );
  });

  it('is idempotent: a normalised number normalises to itself', () => {
    const anything = fc.oneof(
      fc.tuple(russianMobile, spelling).map(([number, way]) => spell(number, way)),
      fc.stringMatching(/^\+?[0-9 ()-]{0,18}$/),
      fc.string({ unit: 'binary', maxLength: 30 }),
    );
    fc.assert(
      fc.property(anything, (typed) => {
        const once = normalizePhone(typed);
        if (once !== null) expect(normalizePhone(once)).toBe(once);
      }),
      { numRuns: 1000 },
    );
  });

  it('round-trips through formatPhone: the readable form normalises back to the same number', () => {
    fc.assert(
      fc.property(russianMobile, spelling, (number, way) => {
        const e164 = normalizePhone(spell(number, way))!;
        const readable = formatPhone(spell(number, way));
        expect(readable).toMatch(/^\+7 9\d{2} \d{3} \d{2} \d{2}$/);
        expect(formatPhone(e164)).toBe(readable);
        expect(normalizePhone(readable)).toBe(e164);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a number with a letter among its digits', () => {
    fc.assert(
      fc.property(russianMobile, spelling, fc.nat(), LETTERS, (number, way, at, letter) => {
        const typed = spell(number, way).trim();
        const digitPositions = [...typed].flatMap((char, index) => (/\d/.test(char) ? [index] : []));
        // Strictly inside: after the first digit and before the last one.
        const cut = digitPositions[1 + (at % (digitPositions.length - 1))]!;
        expect(normalizePhone(`${typed.slice(0, cut)}${letter}${typed.slice(cut)}`)).toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  it('never throws, whatever is typed', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (typed) => {
      normalizePhone(typed);
      formatPhone(typed);
    }));
  });
});

describe('normalizePhone: real Russian spellings', () => {
  it.each([
    ['8 (912) 345-67-89', '+79123456789'],
    ['+7 912 3456789', '+79123456789'],
    ['89123456789', '+79123456789'],
    ['8-912-345-67-89', '+79123456789'],
    ['+7(495)123-45-67', '+74951234567'],
    ['8 800 555-35-35', '+78005553535'],
    ['8 (916) 123-45-67', '+79161234567'],
    ['+7 916 123 45 67', '+79161234567'],
    ['89161234567', '+79161234567'],
    ['9161234567', '+79161234567'],
    ['7 (495) 123-45-67', '+74951234567'],
    ['8\u00a0912\u00a0345\u201367\u201389', '+79123456789'],
    ['+7\u202f912\u202f345\u202f67\u202f89', '+79123456789'],
    ['+375 29 123-45-67', '+375291234567'],
  ])('%s → %s', (typed, e164) => {
    expect(normalizePhone(typed)).toBe(e164);
  });

  it.each([
    ['+7 495 123-45-67 доб. 123', '+74951234567'],
    ['+7 495 123-45-67 ext. 5', '+74951234567'],
    ['8 (912) 345-67-89 доб 12', '+79123456789'],
    ['8 912 345 67 89 ext. 5', '+79123456789'],
  ])('keeps the number and drops the extension: %s → %s', (typed, e164) => {
    expect(normalizePhone(typed)).toBe(e164);
  });

  it.each([['abc'], [''], ['   '], ['123'], ['12345'], ['+7 912'], ['ext. 5'], ['8 912 345 67 8a9'], ['+7 912 abc 45 67'], ['8 (9I2) 345-67-89'], ['+7 912 345 67 89 0']])(
    'refuses %j',
    (typed) => {
      expect(normalizePhone(typed)).toBeNull();
    },
  );

  it('formats a Russian number for reading and leaves what is not a number as typed', () => {
    expect(formatPhone('+79161234567')).toBe('+7 916 123 45 67');
    expect(formatPhone('8 (495) 123-45-67')).toBe('+7 495 123 45 67');
    expect(formatPhone('8 800 555-35-35')).toBe('+7 800 555 35 35');
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

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizePhone } from './phone';
import { looksLikePhone } from './phone-shape';

describe('looksLikePhone (the forms’ check, without numbering plans)', () => {
  it('takes the ways people write a number and refuses letters among the digits and wrong lengths', () => {
    for (const ok of ['8 (916) 123-45-67', '+7 916 123 45 67', '9161234567', '+44 20 7946 0958', '8 495 123-45-67 доб. 123']) expect(looksLikePhone(ok)).toBe(true);
    for (const bad of ['', '123-45', '12345', '8 (9I6) 123-45-67', '+7 916 123 45 67 89 01 23', 'позвонить завтра']) expect(looksLikePhone(bad)).toBe(false);
  });

  it('never refuses a number the server takes, so the form cannot block a valid phone', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[+8]?[0-9 ()-]{6,22}$/), (typed) => {
        if (normalizePhone(typed) !== null) expect(looksLikePhone(typed)).toBe(true);
      }),
      { numRuns: 10000 },
    );
  });
});

/** Russian phone numbers as people type them, plus the E.164 form stored for duplicate search. */
import type { Rng } from './random';

/** Ten national digits: area / mobile code followed by the subscriber number. */
export function nationalNumber(rng: Rng, code: string): string {
  let rest = '';
  for (let i = code.length; i < 10; i++) rest += String(i === code.length ? rng.int(2, 9) : rng.int(0, 9));
  return code + rest;
}

/** «+7 (495) 123-45-67» or «+7 (3452) 12-34-56»: how the app shows numbers. */
export function formatPhone(national: string, codeLength: number): string {
  const code = national.slice(0, codeLength);
  const rest = national.slice(codeLength);
  const tail = `${rest.slice(-4, -2)}-${rest.slice(-2)}`;
  const head = rest.slice(0, rest.length - 4);
  return `+7 (${code}) ${head}-${tail}`;
}

/** The same number in one of the shapes a web form or an operator produces. */
export function typedPhone(national: string, style: number): string {
  switch (style % 4) {
    case 0:
      return formatPhone(national, 3);
    case 1:
      return `8 ${national.slice(0, 3)} ${national.slice(3, 6)}-${national.slice(6, 8)}-${national.slice(8)}`;
    case 2:
      return `+7${national}`;
    default:
      return `8(${national.slice(0, 3)})${national.slice(3)}`;
  }
}

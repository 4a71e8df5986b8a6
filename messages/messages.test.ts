import { describe, expect, it } from 'vitest';
import en from './en.json';
import ru from './ru.json';

/** Every key path of a nested messages object, e.g. `deals.columns.title`. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keyPaths(child, prefix ? `${prefix}.${key}` : key));
}

function leaves(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Object.values(value as object).flatMap(leaves);
}

describe('UI messages', () => {
  it('have the same keys in Russian and English', () => {
    expect(keyPaths(ru).sort()).toEqual(keyPaths(en).sort());
  });
  it('have no empty texts, and the Russian texts are in Russian', () => {
    for (const text of [...leaves(ru), ...leaves(en)]) expect(text.trim()).not.toBe('');
    // Names that stay the same in Russian interfaces.
    const untranslatable = new Set(['English', 'ID', 'Excel', 'CSV']);
    // Texts without letters (a dash for an empty value) are language-neutral.
    // ICU placeholders ({month}) are names for the code, not text.
    const words = (text: string) => text.replace(/\{\w+\}/g, '');
    const latinOnly = leaves(ru).filter((text) => /[a-z]/i.test(words(text)) && !/[а-яё]/i.test(words(text)) && !untranslatable.has(text));
    expect(latinOnly).toEqual([]);
  });
});

/** Latin spelling of Russian words for e-mail addresses and domains (passport-style, simplified). */
const MAP: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l',
  м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch',
  ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};
for (const ch of 'abcdefghijklmnopqrstuvwxyz0123456789') MAP[ch] = ch;

/** Results are memoised: the same few hundred names and words come back millions of times. */
const memo = new Map<string, string>();

/** Lower-case latin letters and digits only; anything else is dropped. */
export function translit(word: string): string {
  const known = memo.get(word);
  if (known !== undefined) return known;
  let out = '';
  for (const ch of word.toLowerCase()) out += MAP[ch] ?? '';
  if (memo.size < 100_000) memo.set(word, out);
  return out;
}

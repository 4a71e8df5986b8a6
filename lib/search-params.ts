/** What a page receives as `searchParams`, or the browser's URLSearchParams. */
export type SearchParamsLike = Record<string, string | string[] | undefined> | URLSearchParams;

/** One query parameter as trimmed text (the first, when repeated), or undefined when empty. */
export function readParam(params: SearchParamsLike, key: string): string | undefined {
  const value = params instanceof URLSearchParams ? params.get(key) ?? undefined : params[key];
  const first = Array.isArray(value) ? value[0] : value;
  return first?.trim() || undefined;
}

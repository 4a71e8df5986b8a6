import { MERGE_FIELDS, type MergeEntity } from '@/server/services/merges/schemas';

/** A field value as the server shows it: text, a name in both languages, or nothing. */
export type ChoiceValue = string | { ru: string; en: string } | null;

export interface ChoiceRecord {
  id: number;
  values: Record<string, ChoiceValue>;
}

export function displayValue(value: ChoiceValue, locale: string): string | null {
  if (value === null) return null;
  return typeof value === 'string' ? value : locale === 'ru' ? value.ru : value.en;
}

const sameKey = (value: ChoiceValue) => JSON.stringify(value);

/** One option per distinct value of a field, each carried by the first record that has it. */
export function optionsOf(field: string, records: ChoiceRecord[]): { recordId: number; value: ChoiceValue }[] {
  const seen = new Set<string>();
  return records.flatMap((record) => {
    const value = record.values[field] ?? null;
    const key = sameKey(value);
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ recordId: record.id, value }];
  });
}

/** The fields whose values differ between the records (an empty value differs from a filled one). */
export function differingFields(entity: MergeEntity, records: ChoiceRecord[]): string[] {
  return MERGE_FIELDS[entity].filter((field) => optionsOf(field, records).length > 1);
}

/** What a field keeps unless someone picks otherwise: the survivor's value, else the first filled one. */
export function defaultSource(field: string, survivorId: number, records: ChoiceRecord[]): number {
  const survivor = records.find((record) => record.id === survivorId);
  if (survivor && survivor.values[field] != null) return survivorId;
  return records.find((record) => record.values[field] != null)?.id ?? survivorId;
}

function effectiveSource(field: string, survivorId: number, records: ChoiceRecord[], picks: Record<string, number>): number {
  const picked = picks[field];
  return picked !== undefined && records.some((record) => record.id === picked) ? picked : defaultSource(field, survivorId, records);
}

const valueKeyOf = (records: ChoiceRecord[], id: number, field: string) => sameKey(records.find((record) => record.id === id)?.values[field] ?? null);

/**
 * The merge request's field choices: for each differing field, the record whose value to keep
 * (picked by the person, else the default), leaving out values the survivor already holds.
 */
export function chosenFields(entity: MergeEntity, survivorId: number, records: ChoiceRecord[], picks: Record<string, number>): Record<string, number> {
  const fields: Record<string, number> = {};
  for (const field of differingFields(entity, records)) {
    const source = effectiveSource(field, survivorId, records, picks);
    if (valueKeyOf(records, source, field) !== valueKeyOf(records, survivorId, field)) fields[field] = source;
  }
  return fields;
}

/** The option shown as chosen for a field: the one carrying the value that will be kept. */
export function selectedOption(field: string, survivorId: number, records: ChoiceRecord[], picks: Record<string, number>): number {
  const kept = valueKeyOf(records, effectiveSource(field, survivorId, records, picks), field);
  return optionsOf(field, records).find((option) => sameKey(option.value) === kept)?.recordId ?? survivorId;
}

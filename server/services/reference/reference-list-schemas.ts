import { z } from 'zod';

/** The bilingual reference lists that share one editor (lead sources have their own: a cost). */
export const REFERENCE_LISTS = ['junkReasons', 'lossReasons', 'dealTypes'] as const;
export type ReferenceListKey = (typeof REFERENCE_LISTS)[number];

const list = z.enum(REFERENCE_LISTS);
const id = z.number().int().positive();
const version = z.number().int().positive();
const name = z.string().trim().min(1).max(120);

export const listReferenceEntriesInput = z.object({ list });
export const createReferenceEntryInput = z.strictObject({ list, nameRu: name, nameEn: name });
/** Renames in either language; a name left out stays as it is. */
export const updateReferenceEntryInput = z.strictObject({ list, id, version, nameRu: name.optional(), nameEn: name.optional() });
export const archiveReferenceEntryInput = z.strictObject({ list, id, version, archived: z.boolean() });
/** Every active entry of the list in its new order. */
export const reorderReferenceEntriesInput = z.strictObject({ list, ids: z.array(id).min(1).max(500) });

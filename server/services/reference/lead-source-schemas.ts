import { z } from 'zod';

const id = z.number().int().positive();
const version = z.number().int().positive();
const name = z.string().trim().min(1).max(120);

/**
 * A monthly cost as typed, money as a string and never a float: "15 000,50" → "15000.50";
 * empty clears it (null). Negative amounts and more than two decimals are refused.
 */
export const monthlyCostInput = z
  .string()
  .max(40)
  .transform((value) => value.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.'))
  .pipe(z.string().regex(/^(\d{1,12}(\.\d{1,2})?)?$/, { error: 'must be a non-negative amount with at most 2 decimals' }))
  .transform((value) => value || null);

export const createLeadSourceInput = z.object({ nameRu: name, nameEn: name, monthlyCost: monthlyCostInput.nullish() });

/** Names and cost; a field left out stays as it is, a null cost clears it. */
export const updateLeadSourceInput = z.object({
  id,
  version,
  nameRu: name.optional(),
  nameEn: name.optional(),
  monthlyCost: monthlyCostInput.nullish(),
});

export const archiveLeadSourceInput = z.object({ id, version, archived: z.boolean() });

/** Every active source in its new order. */
export const reorderLeadSourcesInput = z.object({ ids: z.array(id).min(1).max(500) });

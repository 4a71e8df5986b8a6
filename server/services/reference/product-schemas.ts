import { z } from 'zod';

const id = z.number().int().positive();
const version = z.number().int().positive();
const name = z.string().trim().min(1).max(200);

/** Money as typed, never a float: "1 500,50" → "1500.50"; negative or over-precise is refused. */
const price = z
  .string()
  .max(40)
  .transform((value) => value.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.'))
  .pipe(z.string().regex(/^\d{1,12}(\.\d{1,2})?$/, { error: 'must be a non-negative amount with at most 2 decimals' }));

/** VAT in percent, 0 … 100 with up to two decimals (20, 10, 0 in Russia). */
const vatRate = z
  .string()
  .max(10)
  .transform((value) => value.trim().replace(',', '.'))
  .pipe(z.string().regex(/^\d{1,3}(\.\d{1,2})?$/, { error: 'must be a percentage' }))
  .refine((value) => Number(value) <= 100, { error: 'must be at most 100' });

const unit = z.string().trim().min(1).max(20);
const sku = z.string().trim().max(60).transform((value) => value || null);

export const createProductInput = z.strictObject({ name, nameEn: name.nullish(), unit, price, vatRate, sku: sku.nullish() });
export const updateProductInput = z.strictObject({ id, version, name: name.optional(), nameEn: name.nullish(), unit: unit.optional(), price: price.optional(), vatRate: vatRate.optional(), sku: sku.nullish() });
export const archiveProductInput = z.strictObject({ id, version, archived: z.boolean() });
export const reorderProductsInput = z.strictObject({ ids: z.array(id).min(1).max(2000) });

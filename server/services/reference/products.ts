import { and, asc, eq, max, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database } from '@/db/client';
import { products } from '@/db/schema';
import type { ServiceContext } from '../context';
import { diffFields, writeAudit } from '../audit';
import { notFound, ServiceError } from '../errors';
import { archiveProductInput, createProductInput, reorderProductsInput, updateProductInput } from './product-schemas';

function requireAdmin(ctx: ServiceContext) {
  if (ctx.actor.role !== 'admin') throw new ServiceError('FORBIDDEN', 'Only an admin may change products');
}

async function lockProduct(tx: Database, id: number, version: number) {
  const [product] = await tx.select().from(products).where(eq(products.id, id)).for('update');
  if (!product) throw notFound('Product');
  if (product.version !== version) throw new ServiceError('CONFLICT', 'The product was changed by someone else', { currentVersion: product.version });
  return product;
}

async function requireFreeSku(tx: Database, sku: string | null | undefined, exceptId?: number) {
  if (!sku) return;
  const [taken] = await tx.select({ id: products.id }).from(products).where(and(eq(products.sku, sku), exceptId ? ne(products.id, exceptId) : undefined));
  if (taken) throw new ServiceError('CONFLICT', 'sku: another product has this SKU');
}

async function nextSortOrder(tx: Database) {
  const [{ last } = { last: 0 }] = await tx.select({ last: max(products.sortOrder) }).from(products).where(eq(products.isArchived, false));
  return (last ?? 0) + 1;
}

/** Numeric columns read back as "1500.00": compare amounts, not spellings. */
function withoutSameNumbers<T extends { price?: string; vatRate?: string }>(current: { price: string; vatRate: string }, fields: T): T {
  const next = { ...fields };
  if (next.price !== undefined && Number(next.price) === Number(current.price)) delete next.price;
  if (next.vatRate !== undefined && Number(next.vatRate) === Number(current.vatRate)) delete next.vatRate;
  return next;
}

/** Every product for the admin: active ones in order, then the archived, with their use on proposals. */
export async function listProductsForAdmin(ctx: ServiceContext) {
  requireAdmin(ctx);
  return ctx.db
    .select({
      id: products.id,
      name: products.name,
      nameEn: products.nameEn,
      sku: products.sku,
      unit: products.unit,
      price: products.price,
      currency: products.currency,
      vatRate: products.vatRate,
      isArchived: products.isArchived,
      version: products.version,
      usageCount: sql<number>`(select count(*)::int from proposal_items x where x.product_id = products.id)`,
    })
    .from(products)
    .orderBy(asc(products.isArchived), asc(products.sortOrder), asc(products.id));
}

export async function createProduct(ctx: ServiceContext, rawInput: z.input<typeof createProductInput>) {
  requireAdmin(ctx);
  const input = createProductInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    await requireFreeSku(tx, input.sku);
    const fields = { ...input, nameEn: input.nameEn ?? null, sku: input.sku ?? null };
    const [product] = await tx.insert(products).values({ ...fields, sortOrder: await nextSortOrder(tx) }).returning({ id: products.id, version: products.version });
    await writeAudit(tx, { actorId: ctx.actor.id, action: 'product.create', entityType: 'product', entityId: product!.id, changes: diffFields({}, fields) });
    return product!;
  });
}

export async function updateProduct(ctx: ServiceContext, rawInput: z.input<typeof updateProductInput>) {
  requireAdmin(ctx);
  const { id, version, ...input } = updateProductInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    const current = await lockProduct(tx, id, version);
    const fields = withoutSameNumbers(current, input);
    const changes = diffFields(current, fields);
    if (Object.keys(changes).length === 0) return { id, version };
    if (changes.sku) await requireFreeSku(tx, fields.sku, id);
    await tx.update(products).set({ ...fields, version: version + 1, updatedAt: new Date() }).where(eq(products.id, id));
    await writeAudit(tx, { actorId: ctx.actor.id, action: 'product.update', entityType: 'product', entityId: id, changes: { ...changes, version: [version, version + 1] } });
    return { id, version: version + 1 };
  });
}

/** An archived product stays on old proposals and in reports but is not offered for new ones. */
export async function setProductArchived(ctx: ServiceContext, rawInput: z.input<typeof archiveProductInput>) {
  requireAdmin(ctx);
  const input = archiveProductInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    const current = await lockProduct(tx, input.id, input.version);
    if (current.isArchived === input.archived) return { id: input.id, version: input.version };
    const patch = { isArchived: input.archived, ...(input.archived ? {} : { sortOrder: await nextSortOrder(tx) }) };
    await tx.update(products).set({ ...patch, version: input.version + 1, updatedAt: new Date() }).where(eq(products.id, input.id));
    await writeAudit(tx, {
      actorId: ctx.actor.id,
      action: input.archived ? 'product.archive' : 'product.unarchive',
      entityType: 'product',
      entityId: input.id,
      changes: { ...diffFields(current, patch), version: [input.version, input.version + 1] },
    });
    return { id: input.id, version: input.version + 1 };
  });
}

export async function reorderProducts(ctx: ServiceContext, rawInput: z.input<typeof reorderProductsInput>) {
  requireAdmin(ctx);
  const input = reorderProductsInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    const active = await tx.select({ id: products.id, sortOrder: products.sortOrder }).from(products).where(eq(products.isArchived, false)).orderBy(asc(products.sortOrder), asc(products.id)).for('update');
    const sameSet = active.length === input.ids.length && new Set(input.ids).size === input.ids.length && active.every((row) => input.ids.includes(row.id));
    if (!sameSet) throw new ServiceError('CONFLICT', 'ids: the list of active products has changed; reload it');
    for (const [index, id] of input.ids.entries()) {
      if (active.find((row) => row.id === id)!.sortOrder !== index + 1) {
        await tx.update(products).set({ sortOrder: index + 1, updatedAt: new Date() }).where(eq(products.id, id));
      }
    }
    await writeAudit(tx, { actorId: ctx.actor.id, action: 'product.reorder', entityType: 'product', entityId: null, changes: { ids: [active.map((row) => row.id), input.ids] } });
    return { ids: input.ids };
  });
}

/** Products offered on new proposals: the active ones, in order. */
export async function listActiveProducts({ db }: ServiceContext) {
  return db
    .select({ id: products.id, name: products.name, nameEn: products.nameEn, unit: products.unit, price: products.price, currency: products.currency, vatRate: products.vatRate })
    .from(products)
    .where(eq(products.isArchived, false))
    .orderBy(asc(products.sortOrder), asc(products.id));
}

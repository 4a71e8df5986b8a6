import { asc, eq } from 'drizzle-orm';
import { products } from '@/db/schema';
import type { ServiceContext } from '../context';

/** The catalogue an offer form offers: active products only (archived ones stay on old documents). */
export async function listActiveProducts(ctx: ServiceContext) {
  return ctx.db
    .select({ id: products.id, name: products.name, sku: products.sku, unit: products.unit, price: products.price, currency: products.currency, vatRate: products.vatRate })
    .from(products)
    .where(eq(products.isArchived, false))
    .orderBy(asc(products.name));
}

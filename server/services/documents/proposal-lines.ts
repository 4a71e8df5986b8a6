import { eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database } from '@/db/client';
import { products, proposalItems, proposalVersions } from '@/db/schema';
import { documentTotals, kopecksToString } from '@/lib/document-totals';
import { ServiceError } from '../errors';
import type { proposalLineInput } from './schemas';

type Line = z.output<typeof proposalLineInput>;

/**
 * Checks the catalogue products the lines name: each must exist, and an archived one is refused
 * unless it is already on the document being edited or copied (old documents keep their lines).
 */
async function checkProducts(tx: Database, lines: Line[], keptProductIds: Set<number>) {
  const ids = [...new Set(lines.map((l) => l.productId).filter((id): id is number => typeof id === 'number'))];
  if (ids.length === 0) return;
  const found = await tx.select({ id: products.id, isArchived: products.isArchived }).from(products).where(inArray(products.id, ids));
  const byId = new Map(found.map((p) => [p.id, p]));
  ids.forEach((id, index) => {
    const product = byId.get(id);
    if (!product) throw new ServiceError('BAD_REQUEST', `items: product ${id} does not exist`, { field: `items.${index}.productId` });
    if (product.isArchived && !keptProductIds.has(id)) {
      throw new ServiceError('BAD_REQUEST', `items: product ${id} is archived and cannot be added to an offer`, { field: 'items' });
    }
  });
}

/**
 * Replaces a version's lines and stores the totals computed from them (exact, in kopecks, one
 * rounding per line): the version's total is always the sum of its line totals.
 */
export async function writeVersionLines(tx: Database, versionId: number, lines: Line[], keptProductIds = new Set<number>()) {
  await checkProducts(tx, lines, keptProductIds);
  const totals = documentTotals(lines);
  await tx.delete(proposalItems).where(eq(proposalItems.proposalVersionId, versionId));
  await tx.insert(proposalItems).values(
    lines.map((line, index) => ({
      proposalVersionId: versionId,
      productId: line.productId ?? null,
      name: line.name,
      unit: line.unit,
      quantity: line.quantity,
      price: line.price,
      discountPct: line.discountPct,
      vatRate: line.vatRate,
      lineTotal: kopecksToString(totals.lines[index]!.total),
      sortOrder: index + 1,
    })),
  );
  const figures = {
    subtotal: kopecksToString(totals.subtotal),
    discountTotal: kopecksToString(totals.discountTotal),
    vatTotal: kopecksToString(totals.vatTotal),
    total: kopecksToString(totals.total),
  };
  await tx.update(proposalVersions).set(figures).where(eq(proposalVersions.id, versionId));
  return figures;
}

/** A version's lines as input for a copy (the next version starts as the last one). */
export async function readVersionLines(tx: Database, versionId: number): Promise<Line[]> {
  const rows = await tx.select().from(proposalItems).where(eq(proposalItems.proposalVersionId, versionId)).orderBy(proposalItems.sortOrder, proposalItems.id);
  return rows.map((r) => ({
    productId: r.productId,
    name: r.name,
    unit: r.unit,
    quantity: r.quantity,
    price: r.price,
    discountPct: r.discountPct,
    vatRate: r.vatRate,
  }));
}

import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { dealTypes } from '@/db/schema';
import { ServiceError } from '../errors';

/** A deal type chosen anew must be on the active list (an archived one only stays where it is). */
export async function requireActiveDealType(tx: Database, dealTypeId: number | null | undefined) {
  if (dealTypeId === null || dealTypeId === undefined) return;
  const [type] = await tx.select({ id: dealTypes.id }).from(dealTypes).where(and(eq(dealTypes.id, dealTypeId), eq(dealTypes.isArchived, false)));
  if (!type) throw new ServiceError('BAD_REQUEST', 'dealTypeId: no such active deal type');
}

import { eq } from 'drizzle-orm';
import { organisation } from '@/db/schema';
import type { ServiceContext } from '../context';
import { sellerRequisiteColumns } from '../reference/seller-requisites';

/** The seller as documents print it: the organisation's name, time zone and requisites. */
export async function getSeller(ctx: ServiceContext) {
  const [row] = await ctx.db
    .select({
      name: organisation.name,
      timeZone: organisation.timeZone,
      ...sellerRequisiteColumns,
    })
    .from(organisation)
    .where(eq(organisation.id, 1));
  return row ?? { name: 'Voronka', timeZone: 'Europe/Moscow', inn: null, kpp: null, ogrn: null, legalAddress: null, bankName: null, bankBik: null, bankAccount: null, bankCorrAccount: null, phone: null, email: null };
}

import { eq } from 'drizzle-orm';
import { organisation } from '@/db/schema';
import type { ServiceContext } from '../context';

/** What every screen may need of the organisation: its name, currency and time zone. */
export async function getOrganisationBasics(ctx: ServiceContext) {
  const [row] = await ctx.db
    .select({ name: organisation.name, currency: organisation.currency, timeZone: organisation.timeZone })
    .from(organisation)
    .where(eq(organisation.id, 1));
  return row ?? { name: 'Voronka', currency: 'RUB', timeZone: 'Europe/Moscow' };
}

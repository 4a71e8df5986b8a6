import { eq } from 'drizzle-orm';
import { organisation } from '@/db/schema';
import type { ServiceContext } from '../context';
import { sellerRequisiteColumns } from './seller-requisites';
import { diffFields, writeAudit } from '../audit';
import { notFound, ServiceError } from '../errors';
import { updateOrganisationSettingsInput, type UpdateOrganisationSettingsInput } from './organisation-settings-schemas';

/** What every screen may need of the organisation: its name, currency and time zone. */
export async function getOrganisationBasics(ctx: ServiceContext) {
  const [row] = await ctx.db
    .select({ name: organisation.name, currency: organisation.currency, timeZone: organisation.timeZone })
    .from(organisation)
    .where(eq(organisation.id, 1));
  return row ?? { name: 'Voronka', currency: 'RUB', timeZone: 'Europe/Moscow' };
}

function requireAdmin(ctx: ServiceContext) {
  if (ctx.actor.role !== 'admin') throw new ServiceError('FORBIDDEN', 'Only an admin may change the organisation settings');
}

/** The settings an admin edits, with the version to send back. */
export async function getOrganisationSettings(ctx: ServiceContext) {
  requireAdmin(ctx);
  const [row] = await ctx.db
    .select({
      name: organisation.name,
      timeZone: organisation.timeZone,
      currency: organisation.currency,
      churnWindowDays: organisation.churnWindowDays,
      firstTaskDelayMinutes: organisation.firstTaskDelayMinutes,
      leadResponseSlaMinutes: organisation.leadResponseSlaMinutes,
      ...sellerRequisiteColumns,
      version: organisation.version,
    })
    .from(organisation)
    .where(eq(organisation.id, 1));
  if (!row) throw notFound('Organisation');
  return row;
}

/**
 * Changes the organisation settings with optimistic concurrency and an audit row. A new churn
 * window or time zone rebuilds the report summaries in the same transaction (triggers on
 * organisation do it), so no report mixes two windows or two time zones.
 */
export async function updateOrganisationSettings(ctx: ServiceContext, rawInput: UpdateOrganisationSettingsInput) {
  requireAdmin(ctx);
  const { version, ...fields } = updateOrganisationSettingsInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    const [current] = await tx.select().from(organisation).where(eq(organisation.id, 1)).for('update');
    if (!current) throw notFound('Organisation');
    if (current.version !== version) throw new ServiceError('CONFLICT', 'The settings were changed by someone else', { currentVersion: current.version });
    const changes = diffFields(current, fields);
    if (Object.keys(changes).length === 0) return { version };
    await tx.update(organisation).set({ ...fields, version: version + 1, updatedAt: new Date() }).where(eq(organisation.id, 1));
    await writeAudit(tx, { actorId: ctx.actor.id, action: 'organisation.update', entityType: 'organisation', entityId: 1, changes: { ...changes, version: [version, version + 1] } });
    return { version: version + 1 };
  });
}

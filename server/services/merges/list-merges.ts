import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { companies, contacts, leads, merges, users } from '@/db/schema';
import type { ServiceContext } from '../context';
import { recentMergesInput, type MergeEntity, type RecentMergesInput } from './schemas';

/**
 * The latest merges the actor may undo (own ones; an admin's: everyone's), newest first, each
 * with its survivor's current name and whether an undo is still possible.
 */
export async function listRecentMerges(ctx: ServiceContext, rawInput: RecentMergesInput = {}) {
  const { limit } = recentMergesInput.parse(rawInput);
  const rows = await ctx.db
    .select({
      id: merges.id,
      entity: merges.entityType,
      survivorId: merges.survivorId,
      mergedIds: merges.mergedIds,
      survivorVersion: merges.survivorVersion,
      actorName: users.name,
      createdAt: merges.createdAt,
    })
    .from(merges)
    .leftJoin(users, eq(users.id, merges.actorId))
    .where(and(eq(merges.isUndone, false), ctx.actor.role === 'admin' ? undefined : eq(merges.actorId, ctx.actor.id)))
    .orderBy(desc(merges.createdAt), desc(merges.id))
    .limit(limit);
  const current = await survivorsNow(ctx.db, rows);
  return rows.map(({ survivorVersion, ...merge }) => {
    const survivor = current.get(`${merge.entity}:${merge.survivorId}`);
    return { ...merge, survivorLabel: survivor?.label ?? null, canUndo: survivor?.version === survivorVersion };
  });
}

/** Label and version of each survivor as it is now (absent when merged away since). */
async function survivorsNow(db: Database, rows: { entity: MergeEntity; survivorId: number }[]) {
  const idsOf = (entity: MergeEntity) => rows.filter((row) => row.entity === entity).map((row) => row.survivorId);
  const query = async (entity: MergeEntity) => {
    const ids = idsOf(entity);
    if (ids.length === 0) return [];
    switch (entity) {
      case 'lead':
        return db.select({ id: leads.id, version: leads.version, label: leads.title }).from(leads).where(inArray(leads.id, ids));
      case 'contact':
        return db
          .select({ id: contacts.id, version: contacts.version, label: sql<string>`concat_ws(' ', ${contacts.lastName}, ${contacts.firstName}, ${contacts.middleName})` })
          .from(contacts)
          .where(inArray(contacts.id, ids));
      case 'company':
        return db.select({ id: companies.id, version: companies.version, label: companies.name }).from(companies).where(inArray(companies.id, ids));
    }
  };
  const found = new Map<string, { version: number; label: string }>();
  for (const entity of ['lead', 'contact', 'company'] as const) {
    for (const row of await query(entity)) found.set(`${entity}:${row.id}`, row);
  }
  return found;
}

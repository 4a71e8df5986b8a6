import { asc, eq, like, max, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database } from '@/db/client';
import { leadSources, leads } from '@/db/schema';
import type { ServiceContext } from '../context';
import { diffFields, writeAudit } from '../audit';
import { notFound, ServiceError } from '../errors';
import { archiveLeadSourceInput, createLeadSourceInput, reorderLeadSourcesInput, updateLeadSourceInput } from './lead-source-schemas';

/** Reference lists are the admin's (DESIGN.md §1); the router checks the role too. */
function requireAdmin(ctx: ServiceContext) {
  if (ctx.actor.role !== 'admin') throw new ServiceError('FORBIDDEN', 'Only an admin may change lead sources');
}

async function lockSource(tx: Database, id: number, version: number) {
  const [source] = await tx.select().from(leadSources).where(eq(leadSources.id, id)).for('update');
  if (!source) throw notFound('Lead source');
  if (source.version !== version) throw new ServiceError('CONFLICT', 'The lead source was changed by someone else', { currentVersion: source.version });
  return source;
}

async function nextSortOrder(tx: Database) {
  const [{ last } = { last: 0 }] = await tx.select({ last: max(leadSources.sortOrder) }).from(leadSources).where(eq(leadSources.isArchived, false));
  return (last ?? 0) + 1;
}

/** A stable code from the English name ("Trade show" → "trade-show"), made unique with a suffix. */
async function freeCode(tx: Database, nameEn: string) {
  const base = nameEn.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'source';
  const taken = new Set((await tx.select({ code: leadSources.code }).from(leadSources).where(like(leadSources.code, `${base}%`))).map((row) => row.code));
  let code = base;
  for (let n = 2; taken.has(code); n++) code = `${base}-${n}`;
  return code;
}

/** Every source for the admin: active ones in their order, then the archived, with how many leads use each. */
export async function listLeadSourcesForAdmin(ctx: ServiceContext) {
  requireAdmin(ctx);
  return ctx.db
    .select({
      id: leadSources.id,
      code: leadSources.code,
      nameRu: leadSources.nameRu,
      nameEn: leadSources.nameEn,
      monthlyCost: leadSources.monthlyCost,
      sortOrder: leadSources.sortOrder,
      isArchived: leadSources.isArchived,
      version: leadSources.version,
      // Spelled out: drizzle leaves single-table columns unqualified, which would bind to the subquery's table.
      leadCount: sql<number>`(select count(*)::int from ${leads} l where l.source_id = ${leadSources}.id)`,
    })
    .from(leadSources)
    .orderBy(asc(leadSources.isArchived), asc(leadSources.sortOrder), asc(leadSources.id));
}

export async function createLeadSource(ctx: ServiceContext, rawInput: z.input<typeof createLeadSourceInput>) {
  requireAdmin(ctx);
  const input = createLeadSourceInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    const fields = { nameRu: input.nameRu, nameEn: input.nameEn, monthlyCost: input.monthlyCost ?? null, code: await freeCode(tx, input.nameEn) };
    const [source] = await tx
      .insert(leadSources)
      .values({ ...fields, sortOrder: await nextSortOrder(tx) })
      .returning({ id: leadSources.id, version: leadSources.version });
    await writeAudit(tx, { actorId: ctx.actor.id, action: 'leadSource.create', entityType: 'leadSource', entityId: source!.id, changes: diffFields({}, fields) });
    return source!;
  });
}

/** Renames (either language) and sets or clears the monthly cost. */
export async function updateLeadSource(ctx: ServiceContext, rawInput: z.input<typeof updateLeadSourceInput>) {
  requireAdmin(ctx);
  const { id, version, ...fields } = updateLeadSourceInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    const current = await lockSource(tx, id, version);
    // numeric(14,2) reads back as "15000.00": compare amounts, not spellings.
    const sameCost = fields.monthlyCost !== undefined && (fields.monthlyCost === null ? current.monthlyCost === null : current.monthlyCost !== null && Number(current.monthlyCost) === Number(fields.monthlyCost));
    const changes = diffFields(current, sameCost ? { ...fields, monthlyCost: undefined } : fields);
    if (Object.keys(changes).length === 0) return { id, version };
    await tx.update(leadSources).set({ ...fields, version: version + 1, updatedAt: new Date() }).where(eq(leadSources.id, id));
    await writeAudit(tx, { actorId: ctx.actor.id, action: 'leadSource.update', entityType: 'leadSource', entityId: id, changes: { ...changes, version: [version, version + 1] } });
    return { id, version: version + 1 };
  });
}

/**
 * Archives or brings back a source. Archived sources stay on old leads and in reports but are no
 * longer offered for new leads; one brought back goes to the end of the list.
 */
export async function setLeadSourceArchived(ctx: ServiceContext, rawInput: z.input<typeof archiveLeadSourceInput>) {
  requireAdmin(ctx);
  const input = archiveLeadSourceInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    const current = await lockSource(tx, input.id, input.version);
    if (current.isArchived === input.archived) return { id: input.id, version: input.version };
    const patch = { isArchived: input.archived, ...(input.archived ? {} : { sortOrder: await nextSortOrder(tx) }) };
    await tx.update(leadSources).set({ ...patch, version: input.version + 1, updatedAt: new Date() }).where(eq(leadSources.id, input.id));
    await writeAudit(tx, {
      actorId: ctx.actor.id,
      action: input.archived ? 'leadSource.archive' : 'leadSource.unarchive',
      entityType: 'leadSource',
      entityId: input.id,
      changes: { ...diffFields(current, patch), version: [input.version, input.version + 1] },
    });
    return { id: input.id, version: input.version + 1 };
  });
}

/**
 * Puts the active sources in the given order. The list must name every active source once: a
 * list made before someone added or archived one is refused as a conflict. Order is not what a
 * rename edits, so versions stay.
 */
export async function reorderLeadSources(ctx: ServiceContext, rawInput: z.input<typeof reorderLeadSourcesInput>) {
  requireAdmin(ctx);
  const input = reorderLeadSourcesInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    const active = await tx.select({ id: leadSources.id, sortOrder: leadSources.sortOrder }).from(leadSources).where(eq(leadSources.isArchived, false)).orderBy(asc(leadSources.sortOrder), asc(leadSources.id)).for('update');
    const sameSet = active.length === input.ids.length && new Set(input.ids).size === input.ids.length && active.every((row) => input.ids.includes(row.id));
    if (!sameSet) throw new ServiceError('CONFLICT', 'ids: the list of active sources has changed; reload it');
    for (const [index, id] of input.ids.entries()) {
      if (active.find((row) => row.id === id)!.sortOrder !== index + 1) {
        await tx.update(leadSources).set({ sortOrder: index + 1, updatedAt: new Date() }).where(eq(leadSources.id, id));
      }
    }
    await writeAudit(tx, { actorId: ctx.actor.id, action: 'leadSource.reorder', entityType: 'leadSource', entityId: null, changes: { ids: [active.map((row) => row.id), input.ids] } });
    return { ids: input.ids };
  });
}

import { asc, eq, like, max, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database } from '@/db/client';
import { dealTypes, junkReasons, lossReasons } from '@/db/schema';
import type { ServiceContext } from '../context';
import { diffFields, writeAudit } from '../audit';
import { notFound, ServiceError } from '../errors';
import {
  archiveReferenceEntryInput,
  createReferenceEntryInput,
  type ReferenceListKey,
  reorderReferenceEntriesInput,
  updateReferenceEntryInput,
} from './reference-list-schemas';

/**
 * The lists by key: their table (all share the reference columns), the audit entity name and
 * which column of which table uses an entry (shown to the admin as "used on N").
 */
const LISTS = {
  junkReasons: { table: junkReasons, entityType: 'junkReason', usedBy: sql`(select count(*)::int from leads x where x.junk_reason_id = junk_reasons.id)` },
  lossReasons: { table: lossReasons, entityType: 'lossReason', usedBy: sql`(select count(*)::int from deals x where x.loss_reason_id = loss_reasons.id)` },
  dealTypes: { table: dealTypes, entityType: 'dealType', usedBy: sql`(select count(*)::int from deals x where x.deal_type_id = deal_types.id)` },
} as const;

/** The three tables have the same columns; one of them stands for all in the query builder. */
type ReferenceTable = typeof junkReasons;
const tableOf = (list: ReferenceListKey) => LISTS[list].table as unknown as ReferenceTable;

function requireAdmin(ctx: ServiceContext) {
  if (ctx.actor.role !== 'admin') throw new ServiceError('FORBIDDEN', 'Only an admin may change reference lists');
}

async function lockEntry(tx: Database, list: ReferenceListKey, id: number, version: number) {
  const table = tableOf(list);
  const [entry] = await tx.select().from(table).where(eq(table.id, id)).for('update');
  if (!entry) throw notFound('Reference entry');
  if (entry.version !== version) throw new ServiceError('CONFLICT', 'The entry was changed by someone else', { currentVersion: entry.version });
  return entry;
}

async function nextSortOrder(tx: Database, table: ReferenceTable) {
  const [{ last } = { last: 0 }] = await tx.select({ last: max(table.sortOrder) }).from(table).where(eq(table.isArchived, false));
  return (last ?? 0) + 1;
}

/** A stable code from the English name ("No budget" → "no-budget"), unique with a suffix. */
async function freeCode(tx: Database, table: ReferenceTable, nameEn: string) {
  const base = nameEn.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'entry';
  const taken = new Set((await tx.select({ code: table.code }).from(table).where(like(table.code, `${base}%`))).map((row) => row.code));
  let code = base;
  for (let n = 2; taken.has(code); n++) code = `${base}-${n}`;
  return code;
}

/** Every entry of a list for the admin: active ones in order, then the archived, with their use. */
export async function listReferenceEntries(ctx: ServiceContext, list: ReferenceListKey) {
  requireAdmin(ctx);
  const table = tableOf(list);
  return ctx.db
    .select({
      id: table.id,
      code: table.code,
      nameRu: table.nameRu,
      nameEn: table.nameEn,
      sortOrder: table.sortOrder,
      isArchived: table.isArchived,
      version: table.version,
      usageCount: sql<number>`${LISTS[list].usedBy}`,
    })
    .from(table)
    .orderBy(asc(table.isArchived), asc(table.sortOrder), asc(table.id));
}

export async function createReferenceEntry(ctx: ServiceContext, rawInput: z.input<typeof createReferenceEntryInput>) {
  requireAdmin(ctx);
  const { list, ...names } = createReferenceEntryInput.parse(rawInput);
  const table = tableOf(list);
  return ctx.db.transaction(async (tx) => {
    const fields = { ...names, code: await freeCode(tx, table, names.nameEn) };
    const [entry] = await tx.insert(table).values({ ...fields, sortOrder: await nextSortOrder(tx, table) }).returning({ id: table.id, version: table.version });
    const entityType = LISTS[list].entityType;
    await writeAudit(tx, { actorId: ctx.actor.id, action: `${entityType}.create`, entityType, entityId: entry!.id, changes: diffFields({}, fields) });
    return entry!;
  });
}

export async function updateReferenceEntry(ctx: ServiceContext, rawInput: z.input<typeof updateReferenceEntryInput>) {
  requireAdmin(ctx);
  const { list, id, version, ...names } = updateReferenceEntryInput.parse(rawInput);
  const table = tableOf(list);
  return ctx.db.transaction(async (tx) => {
    const current = await lockEntry(tx, list, id, version);
    const changes = diffFields(current, names);
    if (Object.keys(changes).length === 0) return { id, version };
    await tx.update(table).set({ ...names, version: version + 1, updatedAt: new Date() }).where(eq(table.id, id));
    const entityType = LISTS[list].entityType;
    await writeAudit(tx, { actorId: ctx.actor.id, action: `${entityType}.update`, entityType, entityId: id, changes: { ...changes, version: [version, version + 1] } });
    return { id, version: version + 1 };
  });
}

/**
 * Archives or brings back an entry. An archived entry stays on the records that carry it and in
 * reports, but forms no longer offer it; one brought back goes to the end of the list.
 */
export async function setReferenceEntryArchived(ctx: ServiceContext, rawInput: z.input<typeof archiveReferenceEntryInput>) {
  requireAdmin(ctx);
  const input = archiveReferenceEntryInput.parse(rawInput);
  const table = tableOf(input.list);
  return ctx.db.transaction(async (tx) => {
    const current = await lockEntry(tx, input.list, input.id, input.version);
    if (current.isArchived === input.archived) return { id: input.id, version: input.version };
    const patch = { isArchived: input.archived, ...(input.archived ? {} : { sortOrder: await nextSortOrder(tx, table) }) };
    await tx.update(table).set({ ...patch, version: input.version + 1, updatedAt: new Date() }).where(eq(table.id, input.id));
    const entityType = LISTS[input.list].entityType;
    await writeAudit(tx, {
      actorId: ctx.actor.id,
      action: `${entityType}.${input.archived ? 'archive' : 'unarchive'}`,
      entityType,
      entityId: input.id,
      changes: { ...diffFields(current, patch), version: [input.version, input.version + 1] },
    });
    return { id: input.id, version: input.version + 1 };
  });
}

/** Puts the active entries in the given order; a list made before an add or archive is a conflict. */
export async function reorderReferenceEntries(ctx: ServiceContext, rawInput: z.input<typeof reorderReferenceEntriesInput>) {
  requireAdmin(ctx);
  const input = reorderReferenceEntriesInput.parse(rawInput);
  const table = tableOf(input.list);
  return ctx.db.transaction(async (tx) => {
    const active = await tx.select({ id: table.id, sortOrder: table.sortOrder }).from(table).where(eq(table.isArchived, false)).orderBy(asc(table.sortOrder), asc(table.id)).for('update');
    const sameSet = active.length === input.ids.length && new Set(input.ids).size === input.ids.length && active.every((row) => input.ids.includes(row.id));
    if (!sameSet) throw new ServiceError('CONFLICT', 'ids: the list of active entries has changed; reload it');
    for (const [index, id] of input.ids.entries()) {
      if (active.find((row) => row.id === id)!.sortOrder !== index + 1) {
        await tx.update(table).set({ sortOrder: index + 1, updatedAt: new Date() }).where(eq(table.id, id));
      }
    }
    const entityType = LISTS[input.list].entityType;
    await writeAudit(tx, { actorId: ctx.actor.id, action: `${entityType}.reorder`, entityType, entityId: null, changes: { ids: [active.map((row) => row.id), input.ids] } });
    return { ids: input.ids };
  });
}

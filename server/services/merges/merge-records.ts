import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '@/db/client';
import { can } from '@/server/auth/permissions';
import type { ServiceContext } from '../context';
import { diffFields, writeAudit } from '../audit';
import { notFound, ServiceError } from '../errors';
import { intArray, qualified, referencingColumns, schemaOf } from './catalog';
import { lockRecord, lockRecordsInScope, MERGE_ENTITY_CONFIG, type MergeRecordRow } from './entities';
import { pgErrorCode, UNIQUE_VIOLATION } from './pg-error';
import { repointReferences } from './repoint-references';
import { bumpRepointedVersions } from './referrer-versions';
import { MERGE_FIELDS, mergeRecordsInput, type MergeEntity, type MergeField, type MergeRecordsInput } from './schemas';
import { survivorAssignments } from './survivor-values';

/**
 * Merges 2..50 leads, contacts or companies into the chosen survivor: chosen field values are
 * kept, every reference to the others moves to the survivor, the others are deleted. Everything
 * it changes is stored first in `merges.before`, so the merge can be undone exactly.
 */
export async function mergeRecords(ctx: ServiceContext, rawInput: MergeRecordsInput) {
  const input = mergeRecordsInput.parse(rawInput);
  const config = MERGE_ENTITY_CONFIG[input.entity];
  if (!can(ctx.actor.role, config.permission)) throw new ServiceError('FORBIDDEN', 'Your role may not merge these records');
  const ids = input.records.map((record) => record.id);
  const chosen = checkChoices(input.entity, input.survivorId, ids, input.fields);
  const mergedIds = ids.filter((id) => id !== input.survivorId).sort((a, b) => a - b);

  try {
    return await ctx.db.transaction(async (tx) => {
      const rows = await lockRecordsInScope(tx, ctx.actor, input.entity, ids);
      checkRecords(input.entity, rows, input.records);
      const survivor = rows.find((row) => row.id === input.survivorId)!;
      const schema = await schemaOf(tx, config.table);
      const mergeId = await storeImages(tx, { ...input, schema, table: config.table, mergedIds, allIds: ids, version: survivor.version + 1, actorId: ctx.actor.id });
      const references = await referencingColumns(tx, config.table);
      const moved = await repointReferences(tx, { id: mergeId, survivorId: input.survivorId, mergedIds, allIds: ids, schema, table: config.table }, references);
      await bumpRepointedVersions(tx, mergeId);

      const table = qualified(schema, config.table);
      await tx.execute(sql`update ${table} set ${sql.join(survivorAssignments(input.entity, input.survivorId, rows, chosen), sql`, `)} where id = ${input.survivorId}`);
      // A survivor must not stay linked to a record that no longer exists (or to itself).
      for (const ref of references.filter((r) => r.schema === schema && r.table === config.table)) {
        const column = sql.identifier(ref.column);
        await tx.execute(sql`update ${table} set ${column} = null where id = ${input.survivorId} and ${column} = any(${intArray(ids)})`);
      }
      await tx.execute(sql`delete from ${table} where id = any(${intArray(mergedIds)})`);

      const after = (await lockRecord(tx, input.entity, input.survivorId))!;
      const { updatedAt: _updated, ...changed } = diffFields(survivor, after);
      await writeAudit(tx, {
        actorId: ctx.actor.id,
        action: `${input.entity}.merge`,
        entityType: input.entity,
        entityId: input.survivorId,
        changes: {
          ...changed,
          mergeId: [null, mergeId],
          // The merged-away records as they were: the survivor's history keeps their data.
          mergedRecords: [rows.filter((row) => row.id !== input.survivorId), null],
          movedReferences: [null, moved],
        },
      });
      return { mergeId, survivorId: input.survivorId, version: after.version, mergedIds };
    });
  } catch (error) {
    if (pgErrorCode(error) === UNIQUE_VIOLATION) {
      throw new ServiceError('CONFLICT', 'records: these records cannot be merged, their links would collide with each other');
    }
    throw error;
  }
}

/** Field choices name known fields and records of this merge; the survivor must be one of them. */
function checkChoices(entity: MergeEntity, survivorId: number, ids: number[], fields: Record<string, number>) {
  if (new Set(ids).size !== ids.length) throw new ServiceError('BAD_REQUEST', 'records: a record is listed twice');
  if (!ids.includes(survivorId)) throw new ServiceError('BAD_REQUEST', 'survivorId: must be one of the merged records');
  const known = MERGE_FIELDS[entity] as readonly string[];
  for (const [field, sourceId] of Object.entries(fields)) {
    if (!known.includes(field)) throw new ServiceError('BAD_REQUEST', `fields: ${field} cannot be chosen for a ${entity}`);
    if (!ids.includes(sourceId)) throw new ServiceError('BAD_REQUEST', `fields: the ${field} value must come from one of the merged records`);
  }
  return fields as Partial<Record<MergeField, number>>;
}

/** Every record in the actor's reach, at the version the person saw; leads still open. */
function checkRecords(entity: MergeEntity, rows: MergeRecordRow[], records: { id: number; version: number }[]) {
  if (rows.length !== records.length) throw notFound(MERGE_ENTITY_CONFIG[entity].noun);
  const current = new Map(rows.map((row) => [row.id, row.version]));
  const stale = records.filter((record) => current.get(record.id) !== record.version);
  if (stale.length > 0) {
    throw new ServiceError('CONFLICT', 'Some of the records were changed by someone else', {
      currentVersions: Object.fromEntries(stale.map((record) => [record.id, current.get(record.id)])),
    });
  }
  if (entity === 'lead' && rows.some((row) => row.status !== 'new' && row.status !== 'in_progress')) {
    throw new ServiceError('BAD_REQUEST', 'records: only open leads can be merged');
  }
}

/** The merge's row, holding the full images of the survivor and the records about to go. */
async function storeImages(
  tx: Database,
  merge: { entity: MergeEntity; survivorId: number; schema: string; table: string; mergedIds: number[]; allIds: number[]; version: number; actorId: number },
): Promise<number> {
  const [row] = rowsOf<{ id: number }>(
    await tx.execute(sql`
      insert into merges (entity_type, survivor_id, merged_ids, before, survivor_version, actor_id)
      select ${merge.entity}::text, ${merge.survivorId}::int, ${intArray(merge.mergedIds)},
        coalesce(jsonb_agg(jsonb_build_object(
          'change', case when t.id = ${merge.survivorId}::int then 'updated' else 'deleted' end,
          'schema', ${merge.schema}::text, 'table', ${merge.table}::text, 'row', to_jsonb(t)) order by t.id), '[]'::jsonb),
        ${merge.version}::int, ${merge.actorId}::int
      from ${qualified(merge.schema, merge.table)} t where t.id = any(${intArray(merge.allIds)})
      returning id`),
  );
  return row!.id;
}

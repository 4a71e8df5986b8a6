import { boolean, check, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { id, timestamps } from './columns';
import { users } from './users';
import { MERGE_ENTITIES } from './enums';
export { MERGE_ENTITIES, type MergeEntity } from './enums';

/**
 * What a merge changed, as it was before, so an undo can put it back exactly. Row images are
 * `to_jsonb(row)` (column names as in the database): `deleted` for a merged-away record,
 * `updated` for the survivor. `repointed` is one foreign key of another row that was moved from a
 * merged-away record to the survivor: its table, column, primary key and old value.
 */
export type MergeRowImage =
  | { change: 'deleted' | 'updated'; schema: string; table: string; row: Record<string, unknown> }
  | { change: 'repointed'; schema: string; table: string; column: string; key: Record<string, unknown>; old: unknown }
  /** A re-pointed row's version before the merge bumped it (once per row). */
  | { change: 'versioned'; schema: string; table: string; key: Record<string, unknown>; old: number };

/** One merge of several leads, contacts or companies into a survivor, undoable until the survivor changes. */
export const merges = pgTable(
  'merges',
  {
    id: id(),
    entityType: text('entity_type', { enum: MERGE_ENTITIES }).notNull(),
    survivorId: integer('survivor_id').notNull(),
    mergedIds: integer('merged_ids').array().notNull(),
    /** Every row the merge changed or deleted, as it was before. */
    before: jsonb('before').$type<MergeRowImage[]>().notNull(),
    /** The survivor's version right after the merge: any later edit makes the merge permanent. */
    survivorVersion: integer('survivor_version').notNull(),
    actorId: integer('actor_id').references(() => users.id),
    isUndone: boolean('is_undone').notNull().default(false),
    undoneAt: timestamp('undone_at', { withTimezone: true }),
    undoneBy: integer('undone_by').references(() => users.id),
    ...timestamps,
  },
  (t) => [
    index('merges_survivor_idx').on(t.entityType, t.survivorId),
    index('merges_actor_idx').on(t.actorId, t.createdAt),
    index('merges_merged_ids_idx').using('gin', t.mergedIds),
    check('merges_entity_check', sql`${t.entityType} in ('lead', 'contact', 'company')`),
  ],
);

import { boolean, check, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { id, timestamps } from './columns';
import { users } from './users';
import { MERGE_ENTITIES } from './enums';
export { MERGE_ENTITIES, type MergeEntity } from './enums';

/** A row as it was before a merge touched it, so an undo can put it back exactly. */
export interface MergeRowImage {
  table: string;
  /** The row's full image (to_jsonb of the row). */
  row: Record<string, unknown>;
  /** `deleted`: a merged-away record; `updated`: a row re-pointed to the survivor or the survivor itself. */
  change: 'deleted' | 'updated';
}

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

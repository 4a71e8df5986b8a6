import { z } from 'zod';
import { MERGE_ENTITIES, type MergeEntity } from '@/db/schema/enums';

export { MERGE_ENTITIES, type MergeEntity };

const id = z.number().int().positive();
const version = z.number().int().positive();

/**
 * The fields a person chooses between when records are merged (the rest follow rules: phones and
 * e-mails of contacts and companies are united, links and dates are taken from the records).
 * Shared with the browser, which shows these fields side by side.
 */
export const MERGE_FIELDS = {
  lead: ['title', 'personName', 'phone', 'email', 'companyName', 'sourceId', 'utm', 'comment', 'ownerId'],
  contact: ['lastName', 'firstName', 'middleName', 'position', 'birthday', 'companyId', 'notes', 'ownerId'],
  company: ['name', 'inn', 'industry', 'region', 'address', 'website', 'segment', 'notes', 'ownerId'],
} as const satisfies Record<MergeEntity, readonly string[]>;
export type MergeField<E extends MergeEntity = MergeEntity> = (typeof MERGE_FIELDS)[E][number];

/** The most records one merge takes: a wrong bulk merge stays small enough to check and undo. */
export const MAX_MERGE_RECORDS = 50;

export const duplicateGroupsInput = z.object({
  entity: z.enum(MERGE_ENTITIES),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(50).default(10),
});
export type DuplicateGroupsInput = z.input<typeof duplicateGroupsInput>;

export const mergeRecordsInput = z.object({
  entity: z.enum(MERGE_ENTITIES),
  survivorId: id,
  /** Every record of the merge, survivor included, at the version the person saw. */
  records: z.array(z.object({ id, version })).min(2).max(MAX_MERGE_RECORDS),
  /** Which record's value to keep, per field; a field left out keeps the survivor's value. */
  fields: z.record(z.string(), id).default({}),
});
export type MergeRecordsInput = z.input<typeof mergeRecordsInput>;

export const undoMergeInput = z.object({ mergeId: id });
export type UndoMergeInput = z.input<typeof undoMergeInput>;

export const recentMergesInput = z.object({ limit: z.number().int().min(1).max(50).default(20) });
export type RecentMergesInput = z.input<typeof recentMergesInput>;

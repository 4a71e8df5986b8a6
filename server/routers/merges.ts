import { router } from '@/server/trpc/init';
import { authedProcedure, operationalProcedure } from '@/server/trpc/procedures';
import { callService } from '@/server/trpc/service-adapter';
import { duplicateGroupsInput, mergeRecordsInput, recentMergesInput, undoMergeInput } from '@/server/services/merges/schemas';
import { findDuplicateGroups } from '@/server/services/merges/find-duplicate-groups';
import { mergeRecords } from '@/server/services/merges/merge-records';
import { undoMerge } from '@/server/services/merges/undo-merge';
import { listRecentMerges } from '@/server/services/merges/list-merges';

export const mergesRouter = router({
  duplicateGroups: authedProcedure.input(duplicateGroupsInput).query(({ ctx, input }) => callService(() => findDuplicateGroups(ctx.service, input))),
  merge: operationalProcedure.input(mergeRecordsInput).mutation(({ ctx, input }) => callService(() => mergeRecords(ctx.service, input))),
  undo: operationalProcedure.input(undoMergeInput).mutation(({ ctx, input }) => callService(() => undoMerge(ctx.service, input))),
  recent: authedProcedure.input(recentMergesInput).query(({ ctx, input }) => callService(() => listRecentMerges(ctx.service, input))),
});

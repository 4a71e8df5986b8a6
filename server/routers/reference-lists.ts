import { router } from '@/server/trpc/init';
import { roleProcedure } from '@/server/trpc/procedures';
import { callService } from '@/server/trpc/service-adapter';
import {
  archiveReferenceEntryInput,
  createReferenceEntryInput,
  listReferenceEntriesInput,
  reorderReferenceEntriesInput,
  updateReferenceEntryInput,
} from '@/server/services/reference/reference-list-schemas';
import {
  createReferenceEntry,
  listReferenceEntries,
  reorderReferenceEntries,
  setReferenceEntryArchived,
  updateReferenceEntry,
} from '@/server/services/reference/reference-lists';

const adminProcedure = roleProcedure('admin');

/** Admin: junk reasons, loss reasons and deal types (forms read the active ones from `reference.*`). */
export const referenceListsRouter = router({
  list: adminProcedure.input(listReferenceEntriesInput).query(({ ctx, input }) => callService(() => listReferenceEntries(ctx.service, input.list))),
  create: adminProcedure.input(createReferenceEntryInput).mutation(({ ctx, input }) => callService(() => createReferenceEntry(ctx.service, input))),
  update: adminProcedure.input(updateReferenceEntryInput).mutation(({ ctx, input }) => callService(() => updateReferenceEntry(ctx.service, input))),
  setArchived: adminProcedure.input(archiveReferenceEntryInput).mutation(({ ctx, input }) => callService(() => setReferenceEntryArchived(ctx.service, input))),
  reorder: adminProcedure.input(reorderReferenceEntriesInput).mutation(({ ctx, input }) => callService(() => reorderReferenceEntries(ctx.service, input))),
});

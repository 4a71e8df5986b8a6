import { router } from '@/server/trpc/init';
import { roleProcedure } from '@/server/trpc/procedures';
import { callService } from '@/server/trpc/service-adapter';
import { archiveLeadSourceInput, createLeadSourceInput, reorderLeadSourcesInput, updateLeadSourceInput } from '@/server/services/reference/lead-source-schemas';
import { createLeadSource, listLeadSourcesForAdmin, reorderLeadSources, setLeadSourceArchived, updateLeadSource } from '@/server/services/reference/lead-sources';

const adminProcedure = roleProcedure('admin');

/** Admin: the lead sources reference list (forms read the active ones from `reference.leadSources`). */
export const leadSourcesRouter = router({
  list: adminProcedure.query(({ ctx }) => callService(() => listLeadSourcesForAdmin(ctx.service))),
  create: adminProcedure.input(createLeadSourceInput).mutation(({ ctx, input }) => callService(() => createLeadSource(ctx.service, input))),
  update: adminProcedure.input(updateLeadSourceInput).mutation(({ ctx, input }) => callService(() => updateLeadSource(ctx.service, input))),
  setArchived: adminProcedure.input(archiveLeadSourceInput).mutation(({ ctx, input }) => callService(() => setLeadSourceArchived(ctx.service, input))),
  reorder: adminProcedure.input(reorderLeadSourcesInput).mutation(({ ctx, input }) => callService(() => reorderLeadSources(ctx.service, input))),
});

import { router } from '@/server/trpc/init';
import { roleProcedure } from '@/server/trpc/procedures';
import { callService } from '@/server/trpc/service-adapter';
import { listAuditEntriesInput } from '@/server/services/audit-log/schemas';
import { listAuditEntityTypes, listAuditEntries } from '@/server/services/audit-log/list-audit-entries';

const adminProcedure = roleProcedure('admin');

/** Admin: the audit log, read-only (there is deliberately no mutation here). */
export const auditRouter = router({
  list: adminProcedure.input(listAuditEntriesInput).query(({ ctx, input }) => callService(() => listAuditEntries(ctx.service, input))),
  entityTypes: adminProcedure.query(({ ctx }) => callService(() => listAuditEntityTypes(ctx.service))),
});

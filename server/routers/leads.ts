import { router } from '@/server/trpc/init';
import { authedProcedure, operationalProcedure } from '@/server/trpc/procedures';
import { callService } from '@/server/trpc/service-adapter';
import { convertLeadInput, createLeadInput, junkLeadInput, leadByIdInput, listLeadsInput, reassignLeadInput, startLeadInput } from '@/server/services/leads/schemas';
import { reassignLead } from '@/server/services/leads/reassign-lead';
import { updateLeadInput } from '@/server/services/leads/lead-edit-schemas';
import { getLead } from '@/server/services/leads/get-lead';
import { updateLead } from '@/server/services/leads/update-lead';
import { getLeadTimeline } from '@/server/services/leads/lead-history';
import { listLeads } from '@/server/services/leads/list-leads';
import { junkLead, startLead } from '@/server/services/leads/lead-status';
import { convertLead } from '@/server/services/leads/convert-lead';
import { createLead } from '@/server/services/leads/create-lead';

export const leadsRouter = router({
  list: authedProcedure.input(listLeadsInput).query(({ ctx, input }) => callService(() => listLeads(ctx.service, input))),
  create: operationalProcedure.input(createLeadInput).mutation(({ ctx, input }) => callService(() => createLead(ctx.service, input))),
  start: operationalProcedure.input(startLeadInput).mutation(({ ctx, input }) => callService(() => startLead(ctx.service, input))),
  junk: operationalProcedure.input(junkLeadInput).mutation(({ ctx, input }) => callService(() => junkLead(ctx.service, input))),
  convert: operationalProcedure.input(convertLeadInput).mutation(({ ctx, input }) => callService(() => convertLead(ctx.service, input))),
  byId: authedProcedure.input(leadByIdInput).query(({ ctx, input }) => callService(() => getLead(ctx.service, input))),
  /** Activities on the lead merged with its history from the audit log, newest first. */
  history: authedProcedure.input(leadByIdInput).query(({ ctx, input }) => callService(() => getLeadTimeline(ctx.service, input))),
  /** A head (own team) or an admin hands an open lead to another manager. */
  reassign: operationalProcedure.input(reassignLeadInput).mutation(({ ctx, input }) => callService(() => reassignLead(ctx.service, input))),
  update: operationalProcedure.input(updateLeadInput).mutation(({ ctx, input }) => callService(() => updateLead(ctx.service, input))),
});

import { router } from '@/server/trpc/init';
import { authedProcedure, operationalProcedure } from '@/server/trpc/procedures';
import { callService } from '@/server/trpc/service-adapter';
import { convertLeadInput, createLeadInput, junkLeadInput, listLeadsInput, startLeadInput } from '@/server/services/leads/schemas';
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
});

import { router } from '@/server/trpc/init';
import { authedProcedure, operationalProcedure } from '@/server/trpc/procedures';
import { callService } from '@/server/trpc/service-adapter';
import { acceptVersionInput, createProposalInput, dealRef, updateDraftInput, versionAction, versionRef } from '@/server/services/documents/schemas';
import { createProposal } from '@/server/services/documents/create-proposal';
import { createNextVersion, updateDraftVersion } from '@/server/services/documents/proposal-versions';
import { acceptVersion, rejectVersion, sendVersion } from '@/server/services/documents/proposal-status';
import { getProposalDocument, listDealProposals } from '@/server/services/documents/read-proposals';
import { listActiveProducts } from '@/server/services/documents/list-products';

/** Commercial offers (КП) on deals: versions, lines, draft → sent → accepted | rejected. */
export const proposalsRouter = router({
  products: authedProcedure.query(({ ctx }) => callService(() => listActiveProducts(ctx.service))),
  byDeal: authedProcedure.input(dealRef).query(({ ctx, input }) => callService(() => listDealProposals(ctx.service, input))),
  document: authedProcedure.input(versionRef).query(({ ctx, input }) => callService(() => getProposalDocument(ctx.service, input))),
  create: operationalProcedure.input(createProposalInput).mutation(({ ctx, input }) => callService(() => createProposal(ctx.service, input))),
  updateDraft: operationalProcedure.input(updateDraftInput).mutation(({ ctx, input }) => callService(() => updateDraftVersion(ctx.service, input))),
  newVersion: operationalProcedure.input(versionAction).mutation(({ ctx, input }) => callService(() => createNextVersion(ctx.service, input))),
  send: operationalProcedure.input(versionAction).mutation(({ ctx, input }) => callService(() => sendVersion(ctx.service, input))),
  accept: operationalProcedure.input(acceptVersionInput).mutation(({ ctx, input }) => callService(() => acceptVersion(ctx.service, input))),
  reject: operationalProcedure.input(versionAction).mutation(({ ctx, input }) => callService(() => rejectVersion(ctx.service, input))),
});

import { router } from '@/server/trpc/init';
import { authedProcedure } from '@/server/trpc/procedures';
import { callService } from '@/server/trpc/service-adapter';
import {
  listDealTypes,
  listJunkReasons,
  listLeadSources,
  listLossReasons,
  listPipelines,
  listTeams,
  listVisibleOwners,
} from '@/server/services/reference/list-reference';
import { getOrganisationBasics } from '@/server/services/reference/organisation-settings';

export const referenceRouter = router({
  organisation: authedProcedure.query(({ ctx }) => callService(() => getOrganisationBasics(ctx.service))),
  pipelines: authedProcedure.query(({ ctx }) => callService(() => listPipelines(ctx.service))),
  lossReasons: authedProcedure.query(({ ctx }) => callService(() => listLossReasons(ctx.service))),
  junkReasons: authedProcedure.query(({ ctx }) => callService(() => listJunkReasons(ctx.service))),
  dealTypes: authedProcedure.query(({ ctx }) => callService(() => listDealTypes(ctx.service))),
  leadSources: authedProcedure.query(({ ctx }) => callService(() => listLeadSources(ctx.service))),
  owners: authedProcedure.query(({ ctx }) => callService(() => listVisibleOwners(ctx.service))),
  teams: authedProcedure.query(({ ctx }) => callService(() => listTeams(ctx.service))),
});

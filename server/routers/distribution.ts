import { router } from '@/server/trpc/init';
import { authedProcedure, roleProcedure } from '@/server/trpc/procedures';
import { callService } from '@/server/trpc/service-adapter';
import { acknowledgeAlertInput, addAbsenceInput, distributionTeamInput, removeAbsenceInput, updateDistributionMemberInput } from '@/server/services/team/distribution-schemas';
import { addAbsence, getDistributionSettings, removeAbsence, updateDistributionMember } from '@/server/services/team/lead-distribution-settings';
import { acknowledgeLeadAlert, getLeadAlerts } from '@/server/services/team/lead-alerts';

const readers = roleProcedure('head', 'executive', 'admin');
const changers = roleProcedure('head', 'admin');

/** Lead distribution on the Team screen: settings per manager, absences, SLA alerts. */
export const distributionRouter = router({
  settings: readers.input(distributionTeamInput).query(({ ctx, input }) => callService(() => getDistributionSettings(ctx.service, input))),
  updateMember: changers.input(updateDistributionMemberInput).mutation(({ ctx, input }) => callService(() => updateDistributionMember(ctx.service, input))),
  addAbsence: authedProcedure.input(addAbsenceInput).mutation(({ ctx, input }) => callService(() => addAbsence(ctx.service, input))),
  removeAbsence: authedProcedure.input(removeAbsenceInput).mutation(({ ctx, input }) => callService(() => removeAbsence(ctx.service, input))),
  alerts: readers.input(distributionTeamInput).query(({ ctx, input }) => callService(() => getLeadAlerts(ctx.service, input))),
  acknowledgeAlert: changers.input(acknowledgeAlertInput).mutation(({ ctx, input }) => callService(() => acknowledgeLeadAlert(ctx.service, input))),
});

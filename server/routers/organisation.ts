import { router } from '@/server/trpc/init';
import { roleProcedure } from '@/server/trpc/procedures';
import { callService } from '@/server/trpc/service-adapter';
import { updateOrganisationSettingsInput } from '@/server/services/reference/organisation-settings-schemas';
import { getOrganisationSettings, updateOrganisationSettings } from '@/server/services/reference/organisation-settings';

const adminProcedure = roleProcedure('admin');

/** Admin: the organisation's settings (every screen reads the basics from `reference.organisation`). */
export const organisationRouter = router({
  settings: adminProcedure.query(({ ctx }) => callService(() => getOrganisationSettings(ctx.service))),
  updateSettings: adminProcedure.input(updateOrganisationSettingsInput).mutation(({ ctx, input }) => callService(() => updateOrganisationSettings(ctx.service, input))),
});

import { router } from '@/server/trpc/init';
import { authedProcedure } from '@/server/trpc/procedures';
import { callService } from '@/server/trpc/service-adapter';
import { setLocaleInput, setOwnLocale } from '@/server/services/profile/set-locale';
import { getOwnPreferences, setOwnPreference, setPreferenceInput } from '@/server/services/profile/preferences';
import { updateOwnProfile } from '@/server/services/profile/update-own-profile';
import { changeOwnPassword } from '@/server/services/users/user-password';
import { changeOwnPasswordInput, updateOwnProfileInput } from '@/server/services/users/schemas';

export const profileRouter = router({
  me: authedProcedure.query(({ ctx }) => ctx.user),
  setLocale: authedProcedure
    .input(setLocaleInput)
    .mutation(({ ctx, input }) => callService(() => setOwnLocale(ctx.service, input))),
  update: authedProcedure
    .input(updateOwnProfileInput)
    .mutation(({ ctx, input }) => callService(() => updateOwnProfile(ctx.service, input))),
  changePassword: authedProcedure
    .input(changeOwnPasswordInput)
    .mutation(({ ctx, input }) => callService(() => changeOwnPassword(ctx.service, input))),
  preferences: authedProcedure.query(({ ctx }) => callService(() => getOwnPreferences(ctx.service))),
  setPreference: authedProcedure
    .input(setPreferenceInput)
    .mutation(({ ctx, input }) => callService(() => setOwnPreference(ctx.service, input))),
});

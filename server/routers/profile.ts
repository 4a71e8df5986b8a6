import { router } from '@/server/trpc/init';
import { authedProcedure } from '@/server/trpc/procedures';
import { callService } from '@/server/trpc/service-adapter';
import { setLocaleInput, setOwnLocale } from '@/server/services/profile/set-locale';
import { getOwnPreferences, setOwnPreference, setPreferenceInput } from '@/server/services/profile/preferences';

export const profileRouter = router({
  me: authedProcedure.query(({ ctx }) => ctx.user),
  setLocale: authedProcedure
    .input(setLocaleInput)
    .mutation(({ ctx, input }) => callService(() => setOwnLocale(ctx.service, input))),
  preferences: authedProcedure.query(({ ctx }) => callService(() => getOwnPreferences(ctx.service))),
  setPreference: authedProcedure
    .input(setPreferenceInput)
    .mutation(({ ctx, input }) => callService(() => setOwnPreference(ctx.service, input))),
});

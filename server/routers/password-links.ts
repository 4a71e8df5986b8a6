import { router } from '@/server/trpc/init';
import { publicProcedure } from '@/server/trpc/procedures';
import { callService } from '@/server/trpc/service-adapter';
import { passwordLinkInput, resetPasswordWithLinkInput } from '@/server/services/users/schemas';
import { passwordLinkIsValid, resetPasswordWithLink } from '@/server/services/users/user-password';

/** Signed out: a one-time link sets a password (the token is the only credential). */
export const passwordLinksRouter = router({
  isValid: publicProcedure.input(passwordLinkInput).query(({ ctx, input }) => callService(() => passwordLinkIsValid(ctx.db, input.token))),
  reset: publicProcedure.input(resetPasswordWithLinkInput).mutation(({ ctx, input }) => callService(() => resetPasswordWithLink(ctx.db, input))),
});

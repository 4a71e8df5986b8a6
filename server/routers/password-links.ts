import { router } from '@/server/trpc/init';
import { publicProcedure } from '@/server/trpc/procedures';
import { callService } from '@/server/trpc/service-adapter';
import { resetPasswordWithLinkInput } from '@/server/services/users/schemas';
import { resetPasswordWithLink } from '@/server/services/users/user-password';

/** Signed out: a one-time link sets a password (the token is the only credential). */
export const passwordLinksRouter = router({
  reset: publicProcedure.input(resetPasswordWithLinkInput).mutation(({ ctx, input }) => callService(() => resetPasswordWithLink(ctx.db, input))),
});

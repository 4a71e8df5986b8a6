import { router } from '@/server/trpc/init';
import { roleProcedure } from '@/server/trpc/procedures';
import { callService } from '@/server/trpc/service-adapter';
import { createApiKeyInput, revokeApiKeyInput } from '@/server/services/api-keys/schemas';
import { createApiKey, revokeApiKey } from '@/server/services/api-keys/api-key-admin';
import { listApiKeys } from '@/server/services/api-keys/list-api-keys';

const adminProcedure = roleProcedure('admin');

export const apiKeysRouter = router({
  list: adminProcedure.query(({ ctx }) => callService(() => listApiKeys(ctx.service))),
  create: adminProcedure.input(createApiKeyInput).mutation(({ ctx, input }) => callService(() => createApiKey(ctx.service, input))),
  revoke: adminProcedure.input(revokeApiKeyInput).mutation(({ ctx, input }) => callService(() => revokeApiKey(ctx.service, input))),
});

import { z } from 'zod';
import { router } from '@/server/trpc/init';
import { roleProcedure } from '@/server/trpc/procedures';
import { callService } from '@/server/trpc/service-adapter';
import {
  createTeamInput,
  createUserInput,
  deactivateUserInput,
  issuePasswordLinkInput,
  reactivateUserInput,
  renameTeamInput,
  setTeamHeadInput,
  setUserPasswordInput,
  updateUserInput,
} from '@/server/services/users/schemas';
import { getUserForAdmin, listUsers } from '@/server/services/users/list-users';
import { createUser } from '@/server/services/users/create-user';
import { updateUser } from '@/server/services/users/update-user';
import { issuePasswordLink, setUserPassword } from '@/server/services/users/user-password';
import { deactivateUser, reactivateUser } from '@/server/services/users/deactivate-user';
import { createTeam, listTeamsForAdmin, renameTeam, setTeamHead } from '@/server/services/users/teams';

const adminProcedure = roleProcedure('admin');

/** Admin: users and teams. */
export const usersRouter = router({
  list: adminProcedure.query(({ ctx }) => callService(() => listUsers(ctx.service))),
  byId: adminProcedure.input(z.object({ id: z.number().int().positive() })).query(({ ctx, input }) => callService(() => getUserForAdmin(ctx.service, input.id))),
  create: adminProcedure.input(createUserInput).mutation(({ ctx, input }) => callService(() => createUser(ctx.service, input))),
  update: adminProcedure.input(updateUserInput).mutation(({ ctx, input }) => callService(() => updateUser(ctx.service, input))),
  setPassword: adminProcedure.input(setUserPasswordInput).mutation(({ ctx, input }) => callService(() => setUserPassword(ctx.service, input))),
  // The link itself goes only to the server log.
  issuePasswordLink: adminProcedure.input(issuePasswordLinkInput).mutation(({ ctx, input }) => callService(async () => {
    const { id, expiresAt } = await issuePasswordLink(ctx.service, input);
    return { id, expiresAt };
  })),
  deactivate: adminProcedure.input(deactivateUserInput).mutation(({ ctx, input }) => callService(() => deactivateUser(ctx.service, input))),
  reactivate: adminProcedure.input(reactivateUserInput).mutation(({ ctx, input }) => callService(() => reactivateUser(ctx.service, input))),
  teams: adminProcedure.query(({ ctx }) => callService(() => listTeamsForAdmin(ctx.service))),
  createTeam: adminProcedure.input(createTeamInput).mutation(({ ctx, input }) => callService(() => createTeam(ctx.service, input))),
  renameTeam: adminProcedure.input(renameTeamInput).mutation(({ ctx, input }) => callService(() => renameTeam(ctx.service, input))),
  setTeamHead: adminProcedure.input(setTeamHeadInput).mutation(({ ctx, input }) => callService(() => setTeamHead(ctx.service, input))),
});

import { z } from 'zod';
import { LOCALES, ROLES } from '@/db/schema/enums';
import { PASSWORD_MAX_LENGTH } from './password-policy';

const id = z.number().int().positive();
const version = z.number().int().positive();
const name = z.string().trim().min(1).max(120);
const email = z.string().trim().toLowerCase().pipe(z.email()).pipe(z.string().max(200));
/** Strength is checked by passwordWeakness (it needs the person's name and e-mail). */
const password = z.string().max(PASSWORD_MAX_LENGTH);

export const listUsersInput = z.object({ includeInactive: z.boolean().default(true) }).default({ includeInactive: true });

export const createUserInput = z.strictObject({
  name,
  email,
  role: z.enum(ROLES),
  teamId: id.nullable(),
  locale: z.enum(LOCALES).nullable(),
  /** Set now, or leave empty and hand the person a one-time link instead. */
  password: password.optional(),
});

/** An admin's edit of a user; a field left out stays as it is. */
export const updateUserInput = z.strictObject({
  id,
  version,
  name: name.optional(),
  email: email.optional(),
  role: z.enum(ROLES).optional(),
  teamId: id.nullable().optional(),
  locale: z.enum(LOCALES).nullable().optional(),
});

export const setUserPasswordInput = z.strictObject({ id, password });
export const issuePasswordLinkInput = z.strictObject({ id });
const token = z.string().min(20).max(200);
export const passwordLinkInput = z.strictObject({ token });
export const resetPasswordWithLinkInput = z.strictObject({ token, password });

export const deactivateUserInput = z.strictObject({
  id,
  version,
  /** Who takes over the open deals, leads, tasks and the clients; required when there are any. */
  successorId: id.nullable(),
});
export const reactivateUserInput = z.strictObject({ id, version });

export const createTeamInput = z.strictObject({ name });
export const renameTeamInput = z.strictObject({ id, version, name });
/** Makes a member the team's head (their role becomes head); null leaves the team without one. */
export const setTeamHeadInput = z.strictObject({ id, version, headId: id.nullable() });

/** The user's own profile: name and language only — never the role, team or e-mail. */
export const updateOwnProfileInput = z.strictObject({ name: name.optional(), locale: z.enum(LOCALES).optional() });
export const changeOwnPasswordInput = z.strictObject({ currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH), newPassword: password });

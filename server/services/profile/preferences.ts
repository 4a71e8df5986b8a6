import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { users } from '@/db/schema';
import type { ServiceContext } from '../context';
import { writeAudit } from '../audit';

/** Known preferences and the shape of each; anything else is refused. */
export const PREFERENCE_SCHEMAS = {
  dealsColumns: z.array(z.string().regex(/^[a-zA-Z]+$/).max(40)).max(30),
} as const;

export const setPreferenceInput = z.discriminatedUnion('key', [
  z.object({ key: z.literal('dealsColumns'), value: PREFERENCE_SCHEMAS.dealsColumns }),
]);
export type SetPreferenceInput = z.input<typeof setPreferenceInput>;

export async function getOwnPreferences(ctx: ServiceContext) {
  const [row] = await ctx.db.select({ preferences: users.preferences }).from(users).where(eq(users.id, ctx.actor.id));
  const stored = row?.preferences ?? {};
  const columns = PREFERENCE_SCHEMAS.dealsColumns.safeParse(stored.dealsColumns);
  return { dealsColumns: columns.success ? columns.data : null };
}

/** Remembers one interface choice of the user's own (merged into the stored preferences). */
export async function setOwnPreference(ctx: ServiceContext, rawInput: SetPreferenceInput) {
  const { key, value } = setPreferenceInput.parse(rawInput);
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select({ preferences: users.preferences }).from(users).where(eq(users.id, ctx.actor.id)).for('update');
    await tx
      .update(users)
      .set({ preferences: sql`${users.preferences} || ${JSON.stringify({ [key]: value })}::jsonb`, updatedAt: new Date() })
      .where(eq(users.id, ctx.actor.id));
    await writeAudit(tx, {
      actorId: ctx.actor.id,
      action: 'user.setPreference',
      entityType: 'user',
      entityId: ctx.actor.id,
      changes: { [`preferences.${key}`]: [before?.preferences[key] ?? null, value] },
    });
  });
  return { key, value };
}

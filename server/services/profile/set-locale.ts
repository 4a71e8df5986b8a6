import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { LOCALES, users } from '@/db/schema';
import type { ServiceContext } from '../context';
import { writeAudit } from '../audit';

export const setLocaleInput = z.object({ locale: z.enum(LOCALES) });

/** A user's own interface language; any role may change its own profile. */
export async function setOwnLocale(ctx: ServiceContext, input: z.input<typeof setLocaleInput>) {
  const { locale } = setLocaleInput.parse(input);
  if (ctx.actor.locale === locale) return { locale };
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ locale, version: sql`${users.version} + 1`, updatedAt: new Date() })
      .where(eq(users.id, ctx.actor.id));
    await writeAudit(tx, {
      actorId: ctx.actor.id,
      action: 'user.setLocale',
      entityType: 'user',
      entityId: ctx.actor.id,
      changes: { locale: [ctx.actor.locale, locale] },
    });
  });
  return { locale };
}

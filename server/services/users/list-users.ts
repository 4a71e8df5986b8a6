import { asc, desc, eq, sql } from 'drizzle-orm';
import { rowsOf } from '@/db/client';
import { teams, users } from '@/db/schema';
import type { ServiceContext } from '../context';
import { notFound } from '../errors';
import { requireAdmin } from './admin-guard';

const columns = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  teamId: users.teamId,
  teamName: teams.name,
  locale: users.locale,
  isActive: users.isActive,
  deactivatedAt: users.deactivatedAt,
  version: users.version,
  isHead: sql<boolean>`(${teams.headId} is not null and ${teams.headId} = ${users.id})`,
};

/** Every user for the admin: active first, by name, with the team and whether they head it. */
export async function listUsers(ctx: ServiceContext) {
  requireAdmin(ctx);
  return ctx.db.select(columns).from(users).leftJoin(teams, eq(teams.id, users.teamId)).orderBy(desc(users.isActive), asc(users.name), asc(users.id));
}

/**
 * One user with what they own that is still open: what a deactivation would hand over.
 * Counts are spelled as SQL on the owner id so they match what the handover moves.
 */
export async function getUserForAdmin(ctx: ServiceContext, id: number) {
  requireAdmin(ctx);
  const [user] = await ctx.db.select(columns).from(users).leftJoin(teams, eq(teams.id, users.teamId)).where(eq(users.id, id));
  if (!user) throw notFound('User');
  const result = await ctx.db.execute(sql`
    select (select count(*)::int from deals where owner_id = ${id} and status = 'open') as deals,
           (select count(*)::int from leads where owner_id = ${id} and status in ('new', 'in_progress')) as leads,
           (select count(*)::int from activities where owner_id = ${id} and done_at is null) as tasks,
           (select count(*)::int from companies where owner_id = ${id}) + (select count(*)::int from contacts where owner_id = ${id}) as clients`);
  const [owned] = rowsOf<{ deals: number; leads: number; tasks: number; clients: number }>(result);
  return { ...user, owned: owned! };
}

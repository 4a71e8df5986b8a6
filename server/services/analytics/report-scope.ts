import { eq, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { users } from '@/db/schema';
import type { SessionUser } from '@/server/auth/session-user';
import { ServiceError } from '../errors';
import type { ReportFilters } from './report-filters';

/**
 * Whose records a report counts: a head only the own team (asking for another team is refused),
 * an executive or admin everyone, narrowed by the team and manager filters; managers have no
 * analytics. Returns the condition on the records' owner column.
 */
export function reportOwnerCondition(actor: SessionUser, filters: Pick<ReportFilters, 'teamId' | 'ownerId'>, ownerColumn: AnyPgColumn | SQL): SQL {
  if (actor.role === 'manager') throw new ServiceError('FORBIDDEN', 'Analytics are for heads of sales, executives and admins');
  let teamId = filters.teamId;
  if (actor.role === 'head') {
    if (actor.teamId === null) throw new ServiceError('FORBIDDEN', 'You lead no team');
    if (teamId !== undefined && teamId !== actor.teamId) throw new ServiceError('FORBIDDEN', 'teamId: a head sees only the own team');
    teamId = actor.teamId;
  }
  const conditions: SQL[] = [];
  // = any(array(…)): the members become one array parameter the planner can probe an owner index
  // with; an IN (sub-select) plans as a join over every row of the period instead.
  if (teamId !== undefined) conditions.push(sql`${ownerColumn} = any(array(select ${users.id} from ${users} where ${users.teamId} = ${teamId}))`);
  if (filters.ownerId !== undefined) conditions.push(eq(ownerColumn as AnyPgColumn, filters.ownerId));
  return conditions.length === 0 ? sql`true` : sql.join(conditions, sql` and `);
}

/** True when no head's team, team or manager filter narrows whose records count. */
export function coversEveryOwner(actor: SessionUser, filters: Pick<ReportFilters, 'teamId' | 'ownerId'>): boolean {
  return actor.role !== 'head' && filters.teamId === undefined && filters.ownerId === undefined;
}

/** The instant a calendar date begins in the organisation's time zone (settings, else Europe/Moscow). */
export function orgDayStart(isoDate: string): SQL {
  return sql`(${isoDate}::date::timestamp at time zone coalesce((select time_zone from organisation where id = 1), 'Europe/Moscow'))`;
}

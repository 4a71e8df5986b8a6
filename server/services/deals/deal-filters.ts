import { and, asc, desc, eq, gte, ilike, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { companies, deals, stages, users } from '@/db/schema';

/** Rows whose owner belongs to the team (the caller's row scope still applies on top). */
export const ownerInTeam = (ownerColumn: AnyPgColumn, teamId: number): SQL =>
  sql`${ownerColumn} in (select ${users.id} from ${users} where ${users.teamId} = ${teamId})`;
import { ownedWithin } from '@/server/auth/row-scope';
import type { SessionUser } from '@/server/auth/session-user';
import { lostFromStage } from './lost-from-stage';
import type { DealFilters, DealSortField } from './schemas';

/** The organisation's time zone: date filters mean calendar days there (DESIGN.md section 5). */
const ORG_TIME_ZONE = 'Europe/Moscow';

/** The instant a calendar day starts in the organisation's time zone. */
export const dayStart = (isoDate: string) => sql`(${isoDate}::date::timestamp at time zone ${ORG_TIME_ZONE})`;

/** The responsible manager joined onto a deal row (sorting by owner needs the same alias). */
export const dealOwner = alias(users, 'owner');

export function escapeLike(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A deal whose title or client company contains the text (case-insensitive). */
export function dealTextSearch(text: string): SQL {
  const pattern = escapeLike(text);
  return or(
    ilike(deals.title, pattern),
    sql`exists (select 1 from ${companies} where ${companies.id} = ${deals.companyId} and ${companies.name} ilike ${pattern})`,
  )!;
}

/** The deals the actor may see, narrowed by the filters: the one WHERE of list and export. */
export function dealConditions(actor: SessionUser, filters: DealFilters): SQL {
  const conditions: (SQL | undefined)[] = [ownedWithin(actor, deals.ownerId)];
  if (filters.status) conditions.push(eq(deals.status, filters.status));
  if (filters.pipelineId) conditions.push(eq(deals.pipelineId, filters.pipelineId));
  if (filters.stageId) conditions.push(eq(deals.stageId, filters.stageId));
  if (filters.ownerId) conditions.push(eq(deals.ownerId, filters.ownerId));
  if (filters.sourceId) conditions.push(eq(deals.sourceId, filters.sourceId));
  if (filters.amountMin) conditions.push(gte(deals.amount, filters.amountMin));
  if (filters.amountMax) conditions.push(lte(deals.amount, filters.amountMax));
  if (filters.createdFrom) conditions.push(gte(deals.createdAt, dayStart(filters.createdFrom)));
  if (filters.createdTo) conditions.push(lt(deals.createdAt, dayStart(filters.createdTo)));
  if (filters.closedFrom) conditions.push(gte(deals.closedAt, dayStart(filters.closedFrom)));
  if (filters.closedTo) conditions.push(lt(deals.closedAt, dayStart(filters.closedTo)));
  if (filters.search) conditions.push(dealTextSearch(filters.search));
  if (filters.teamId) conditions.push(ownerInTeam(deals.ownerId, filters.teamId));
  if (filters.lossReasonId) conditions.push(eq(deals.lossReasonId, filters.lossReasonId));
  if (filters.lostFromStageId) conditions.push(sql`${deals.status} = 'lost' and ${lostFromStage} = ${filters.lostFromStageId}`);
  if (filters.reachedStageId) {
    // The funnel's rule (analytics/funnel-queries.ts): a won deal passed every open stage.
    conditions.push(sql`exists (select 1 from ${stages} reached where reached.id = ${filters.reachedStageId}
      and reached.pipeline_id = ${deals.pipelineId}
      and case reached.kind when 'open' then ${deals.status} = 'won' or ${deals.furthestStageOrder} >= reached.sort_order
                            else ${deals.status} = reached.kind end)`);
  }
  return and(...conditions)!;
}

export function dealOrder(field: DealSortField, direction: 'asc' | 'desc') {
  const column = {
    createdAt: deals.createdAt,
    amount: deals.amount,
    title: deals.title,
    expectedCloseDate: deals.expectedCloseDate,
    closedAt: deals.closedAt,
    stage: stages.sortOrder,
    owner: dealOwner.name,
  }[field];
  const by = direction === 'asc' ? asc(column) : desc(column);
  // The id breaks ties so that pages never repeat or skip a row.
  return [by, direction === 'asc' ? asc(deals.id) : desc(deals.id)];
}

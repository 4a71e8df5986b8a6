import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { activities, auditLog, junkReasons, leadSources, leads, teams, users } from '@/db/schema';
import { LEAD_STATUSES, type LeadStatus } from '@/db/schema/enums';
import type { ServiceContext } from '../context';
import { notFound } from '../errors';
import { timelineColumns } from '../activities/timeline-columns';
import { leadVisibleTo } from './lead-visibility';

/** A changed value as the card shows it: names and links resolved, so the browser only formats. */
export type HistoryValue =
  | { kind: 'text'; text: string }
  | { kind: 'time'; at: string }
  | { kind: 'status'; status: LeadStatus }
  | { kind: 'name'; ru: string; en: string }
  | { kind: 'link'; href: string; id: number }
  | null;

export interface HistoryChange {
  field: string;
  from: HistoryValue;
  to: HistoryValue;
}

export interface HistoryEvent {
  id: number;
  /** `lead.create`, `lead.assign`, … — and any action added later, shown generically. */
  action: string;
  at: Date;
  /** Null for the system (intake, distribution, the response SLA). */
  actorName: string | null;
  changes: HistoryChange[];
}

type TimelineActivity = Awaited<ReturnType<typeof leadActivities>>[number];
export type LeadTimelineItem =
  | { type: 'activity'; at: Date; activity: TimelineActivity }
  | { type: 'event'; at: Date; event: HistoryEvent };

/** Bookkeeping the audit keeps but people do not need to read. */
const HIDDEN_FIELDS = new Set(['version', 'phoneNormalized', 'emailNormalized', 'apiKeyId']);
const LINK_FIELDS: Record<string, string> = {
  convertedDealId: '/deals/',
  convertedContactId: '/contacts/',
  convertedCompanyId: '/companies/',
  duplicateOfLeadId: '/leads/',
  duplicateContactId: '/contacts/',
  duplicateCompanyId: '/companies/',
};
const USER_FIELDS = new Set(['ownerId', 'fromUserId', 'toUserId']);
const ISO_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;
const TIMELINE_LIMIT = 200;

/**
 * The lead's story, newest first: activities on it (whoever logged them) merged with its history
 * from the audit log — created, edited, started, junked, converted, assigned, reassigned by the
 * SLA, merged — each with the fields that changed, old → new.
 */
export async function getLeadTimeline(ctx: ServiceContext, input: { id: number }): Promise<LeadTimelineItem[]> {
  const [visible] = await ctx.db.select({ id: leads.id }).from(leads).where(and(eq(leads.id, input.id), leadVisibleTo(ctx.actor)));
  if (!visible) throw notFound('Lead');
  const [activityRows, auditRows] = await Promise.all([
    leadActivities(ctx.db, input.id),
    ctx.db
      .select({ id: auditLog.id, action: auditLog.action, at: auditLog.createdAt, actorName: users.name, changes: auditLog.changes })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .where(and(eq(auditLog.entityType, 'lead'), eq(auditLog.entityId, input.id)))
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .limit(TIMELINE_LIMIT),
  ]);
  const names = await referenceNames(ctx.db, auditRows.map((row) => row.changes));
  const items: LeadTimelineItem[] = [
    ...activityRows.map((activity) => ({ type: 'activity' as const, at: activity.doneAt ?? activity.dueAt ?? activity.createdAt, activity })),
    ...auditRows.map((row) => ({
      type: 'event' as const,
      at: row.at,
      event: { id: row.id, action: row.action, at: row.at, actorName: row.actorName, changes: readableChanges(row.changes, names) },
    })),
  ];
  return items.sort((a, b) => b.at.getTime() - a.at.getTime());
}

function leadActivities(db: Database, leadId: number) {
  return db
    .select(timelineColumns)
    .from(activities)
    .innerJoin(users, eq(users.id, activities.ownerId))
    .where(eq(activities.leadId, leadId))
    .orderBy(desc(sql`coalesce(${activities.doneAt}, ${activities.dueAt}, ${activities.createdAt})`), desc(activities.id))
    .limit(TIMELINE_LIMIT);
}

interface ReferenceNames {
  users: Map<number, string>;
  teams: Map<number, string>;
  sources: Map<number, { ru: string; en: string }>;
  junkReasons: Map<number, { ru: string; en: string }>;
}

/** Names of the people, teams, sources and junk reasons the changes mention, in four queries at most. */
async function referenceNames(db: Database, changeSets: Record<string, [unknown, unknown]>[]): Promise<ReferenceNames> {
  const ids = { users: new Set<number>(), teams: new Set<number>(), sources: new Set<number>(), junkReasons: new Set<number>() };
  for (const changes of changeSets) {
    for (const [field, pair] of Object.entries(changes)) {
      const bucket = USER_FIELDS.has(field) ? ids.users : field === 'teamId' ? ids.teams : field === 'sourceId' ? ids.sources : field === 'junkReasonId' ? ids.junkReasons : null;
      for (const value of pair ?? []) if (bucket && Number.isInteger(value)) bucket.add(value as number);
    }
  }
  const [userRows, teamRows, sourceRows, reasonRows] = await Promise.all([
    ids.users.size ? db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, [...ids.users])) : [],
    ids.teams.size ? db.select({ id: teams.id, name: teams.name }).from(teams).where(inArray(teams.id, [...ids.teams])) : [],
    ids.sources.size ? db.select({ id: leadSources.id, ru: leadSources.nameRu, en: leadSources.nameEn }).from(leadSources).where(inArray(leadSources.id, [...ids.sources])) : [],
    ids.junkReasons.size ? db.select({ id: junkReasons.id, ru: junkReasons.nameRu, en: junkReasons.nameEn }).from(junkReasons).where(inArray(junkReasons.id, [...ids.junkReasons])) : [],
  ]);
  return {
    users: new Map(userRows.map((row) => [row.id, row.name])),
    teams: new Map(teamRows.map((row) => [row.id, row.name])),
    sources: new Map(sourceRows.map((row) => [row.id, { ru: row.ru, en: row.en }])),
    junkReasons: new Map(reasonRows.map((row) => [row.id, { ru: row.ru, en: row.en }])),
  };
}

function readableChanges(changes: Record<string, [unknown, unknown]>, names: ReferenceNames): HistoryChange[] {
  return Object.entries(changes)
    .filter(([field]) => !HIDDEN_FIELDS.has(field))
    .map(([field, pair]) => ({ field, from: readableValue(field, pair?.[0], names), to: readableValue(field, pair?.[1], names) }));
}

function readableValue(field: string, value: unknown, names: ReferenceNames): HistoryValue {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return null;
  if (typeof value === 'number' && Number.isInteger(value)) {
    const same = (name: string | undefined) => (name === undefined ? null : { kind: 'name' as const, ru: name, en: name });
    if (LINK_FIELDS[field]) return { kind: 'link', href: `${LINK_FIELDS[field]}${value}`, id: value };
    if (USER_FIELDS.has(field)) return same(names.users.get(value)) ?? { kind: 'text', text: `#${value}` };
    if (field === 'teamId') return same(names.teams.get(value)) ?? { kind: 'text', text: `#${value}` };
    const bilingual = field === 'sourceId' ? names.sources.get(value) : field === 'junkReasonId' ? names.junkReasons.get(value) : undefined;
    if (bilingual) return { kind: 'name', ...bilingual };
  }
  if (field === 'status' && (LEAD_STATUSES as readonly unknown[]).includes(value)) return { kind: 'status', status: value as LeadStatus };
  if (typeof value === 'string') return ISO_TIME.test(value) ? { kind: 'time', at: value } : { kind: 'text', text: value };
  if (Array.isArray(value)) return { kind: 'text', text: value.map(briefly).join(', ') };
  if (typeof value === 'object') return { kind: 'text', text: Object.entries(value).map(([key, item]) => `${key}: ${briefly(item)}`).join(', ') };
  return { kind: 'text', text: String(value) };
}

/** One item of a list or map: a whole record (a merge keeps the merged-away rows) is named by id and title. */
function briefly(item: unknown): string {
  if (item === null || typeof item !== 'object') return String(item);
  const record = item as Record<string, unknown>;
  const label = record.title ?? record.name ?? ([record.lastName, record.firstName].filter(Boolean).join(' ') || null);
  return record.id !== undefined ? [`#${String(record.id)}`, label].filter(Boolean).join(' ') : JSON.stringify(item);
}

/**
 * Who changed which fields of a lead after the version the caller edited (for CONFLICT). Most
 * changes carry the version they produced; the system's assignments do not, so those count when
 * they came after the change that produced the caller's version.
 */
export async function leadChangesSince(db: Database, leadId: number, version: number) {
  const ofLead = and(eq(auditLog.entityType, 'lead'), eq(auditLog.entityId, leadId));
  const producedVersion = sql`(${auditLog.changes} -> 'version' ->> 1)::int`;
  const seenAt = db
    .select({ at: sql`max(${auditLog.createdAt})` })
    .from(auditLog)
    .where(and(ofLead, sql`${producedVersion} = ${version}`));
  const rows = await db
    .select({ changes: auditLog.changes, by: users.name, at: auditLog.createdAt })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(
      and(
        ofLead,
        sql`(${producedVersion} > ${version}
          or (${auditLog.changes} -> 'version' is null and ${auditLog.action} not in ('lead.create', 'lead.intake')
              and ${auditLog.createdAt} > coalesce((${seenAt}), '-infinity'::timestamptz)))`,
      ),
    )
    .orderBy(auditLog.createdAt, auditLog.id);
  return rows.map((row) => ({
    by: row.by,
    at: row.at,
    fields: Object.keys(row.changes).filter((field) => !HIDDEN_FIELDS.has(field)),
  }));
}

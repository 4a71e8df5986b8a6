import { and, asc, eq, gte, isNull, lt, sql } from 'drizzle-orm';
import { activities, companies, contacts, deals, leads, stages } from '@/db/schema';
import type { ServiceContext } from '../context';
import { HYGIENE_GROUPS, hygieneCondition, type HygieneGroup } from './hygiene-rules';
import { organisationDay } from './org-day';

/** How many rows each list of the Today screen shows; the counts are always complete. */
const LIST_LIMIT = 50;

/** The calendar days from a local date on, as month * 100 + day (the birthday index's key). */
function monthDays(localDate: string, days: number): number[] {
  const start = new Date(`${localDate}T00:00:00Z`);
  return Array.from({ length: days }, (_, i) => {
    const day = new Date(start.getTime() + i * 86_400_000);
    return (day.getUTCMonth() + 1) * 100 + day.getUTCDate();
  });
}

/**
 * The manager's working day (DESIGN.md §3–4): the three end-of-day groups of their own deals,
 * tasks due today and overdue, new leads waiting, and clients' birthdays this week — in the
 * organisation's time zone. The day is clean when the three group counts are zero.
 */
export async function getToday(ctx: ServiceContext, options: { now?: Date } = {}) {
  const now = options.now ?? new Date();
  const day = await organisationDay(ctx.db, now);
  const mine = eq(deals.ownerId, ctx.actor.id);

  const dealGroup = (group: HygieneGroup) =>
    ctx.db
      .select({
        id: deals.id,
        version: deals.version,
        title: deals.title,
        amount: deals.amount,
        currency: deals.currency,
        stageName: stages.name,
        clientName: sql<string | null>`coalesce(${companies.name}, nullif(concat_ws(' ', ${contacts.lastName}, ${contacts.firstName}), ''))`,
        nextTaskDueAt: deals.nextTaskDueAt,
        createdAt: deals.createdAt,
        total: sql<number>`(count(*) over ())::int`,
      })
      .from(deals)
      .innerJoin(stages, eq(stages.id, deals.stageId))
      .leftJoin(companies, eq(companies.id, deals.companyId))
      .leftJoin(contacts, eq(contacts.id, deals.contactId))
      .where(and(mine, hygieneCondition(group, now)))
      .orderBy(asc(deals.nextTaskDueAt), asc(deals.createdAt))
      .limit(LIST_LIMIT);

  const openTasks = (from: Date | null, to: Date) =>
    ctx.db
      .select({
        id: activities.id,
        version: activities.version,
        kind: activities.kind,
        subject: activities.subject,
        dueAt: activities.dueAt,
        dealId: activities.dealId,
        dealTitle: deals.title,
        leadId: activities.leadId,
        total: sql<number>`(count(*) over ())::int`,
      })
      .from(activities)
      .leftJoin(deals, eq(deals.id, activities.dealId))
      .where(
        and(
          eq(activities.ownerId, ctx.actor.id),
          isNull(activities.doneAt),
          from ? gte(activities.dueAt, from) : undefined,
          lt(activities.dueAt, to),
        ),
      )
      .orderBy(asc(activities.dueAt))
      .limit(LIST_LIMIT);

  const [groups, dueToday, overdue, newLeads, birthdays] = await Promise.all([
    Promise.all(HYGIENE_GROUPS.map(async (group) => [group, await dealGroup(group)] as const)),
    openTasks(now, day.tomorrowStart),
    openTasks(null, now),
    ctx.db
      .select({
        id: leads.id,
        title: leads.title,
        personName: leads.personName,
        phone: leads.phone,
        createdAt: leads.createdAt,
        total: sql<number>`(count(*) over ())::int`,
      })
      .from(leads)
      .where(and(eq(leads.ownerId, ctx.actor.id), eq(leads.status, 'new')))
      .orderBy(asc(leads.createdAt))
      .limit(LIST_LIMIT),
    ctx.db
      .select({
        id: contacts.id,
        lastName: contacts.lastName,
        firstName: contacts.firstName,
        birthday: contacts.birthday,
        companyName: companies.name,
        monthDay: sql<number>`((extract(month from ${contacts.birthday}) * 100 + extract(day from ${contacts.birthday}))::int)`,
      })
      .from(contacts)
      .leftJoin(companies, eq(companies.id, contacts.companyId))
      .where(
        and(
          eq(contacts.ownerId, ctx.actor.id),
          sql`((extract(month from ${contacts.birthday}) * 100 + extract(day from ${contacts.birthday}))::int) = any(${sql.raw(`array[${monthDays(day.localDate, 7).join(',')}]`)})`,
        ),
      ),
  ]);

  const byGroup = Object.fromEntries(groups) as Record<HygieneGroup, Awaited<ReturnType<typeof dealGroup>>>;
  const countOf = (rows: { total: number }[]) => rows[0]?.total ?? 0;
  const today = monthDays(day.localDate, 1)[0];
  const week = monthDays(day.localDate, 7);
  return {
    day,
    counts: {
      unprocessed: countOf(byGroup.unprocessed),
      withoutTask: countOf(byGroup.withoutTask),
      overdueTask: countOf(byGroup.overdueTask),
      dueToday: countOf(dueToday),
      overdue: countOf(overdue),
      newLeads: countOf(newLeads),
    },
    unprocessed: byGroup.unprocessed,
    withoutTask: byGroup.withoutTask,
    overdueTask: byGroup.overdueTask,
    dueToday,
    overdue,
    newLeads,
    birthdays: birthdays
      .map((contact) => ({ ...contact, isToday: contact.monthDay === today }))
      .sort((a, b) => week.indexOf(a.monthDay) - week.indexOf(b.monthDay)),
  };
}

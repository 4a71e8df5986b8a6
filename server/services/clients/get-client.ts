import { and, desc, eq, or, sql } from 'drizzle-orm';
import { activities, companies, contacts, deals, stages, users } from '@/db/schema';
import { ownedWithin } from '@/server/auth/row-scope';
import type { ServiceContext } from '../context';
import { notFound } from '../errors';
import { timelineColumns } from '../activities/timeline-columns';
import { companyIsReturning, contactIsReturning } from './client-status';

/** Deals of a client that the actor may see, newest first. */
function clientDeals(ctx: ServiceContext, where: ReturnType<typeof eq>) {
  return ctx.db
    .select({
      id: deals.id,
      title: deals.title,
      amount: deals.amount,
      currency: deals.currency,
      status: deals.status,
      stageName: stages.name,
      createdAt: deals.createdAt,
    })
    .from(deals)
    .innerJoin(stages, eq(stages.id, deals.stageId))
    .where(and(where, ownedWithin(ctx.actor, deals.ownerId)))
    .orderBy(desc(deals.createdAt))
    .limit(100);
}

/** The client's timeline: activities logged on it or on its deals. */
function clientActivities(ctx: ServiceContext, where: ReturnType<typeof or>) {
  return ctx.db
    .select(timelineColumns)
    .from(activities)
    .innerJoin(users, eq(users.id, activities.ownerId))
    .where(where)
    .orderBy(desc(sql`coalesce(${activities.doneAt}, ${activities.dueAt}, ${activities.createdAt})`), desc(activities.id))
    .limit(100);
}

export async function getCompany(ctx: ServiceContext, input: { id: number }) {
  const [company] = await ctx.db
    .select({ company: companies, ownerName: users.name, isReturning: companyIsReturning })
    .from(companies)
    .innerJoin(users, eq(users.id, companies.ownerId))
    .where(and(eq(companies.id, input.id), ownedWithin(ctx.actor, companies.ownerId)));
  if (!company) throw notFound('Company');
  const [people, dealRows, timeline] = await Promise.all([
    ctx.db
      .select({ id: contacts.id, lastName: contacts.lastName, firstName: contacts.firstName, position: contacts.position })
      .from(contacts)
      .where(and(eq(contacts.companyId, input.id), ownedWithin(ctx.actor, contacts.ownerId))),
    clientDeals(ctx, eq(deals.companyId, input.id)),
    clientActivities(
      ctx,
      or(
        eq(activities.companyId, input.id),
        sql`${activities.dealId} in (select ${deals.id} from ${deals} where ${deals.companyId} = ${input.id} and ${ownedWithin(ctx.actor, deals.ownerId)})`,
      ),
    ),
  ]);
  return { ...company.company, ownerName: company.ownerName, isReturning: company.isReturning, contacts: people, deals: dealRows, activities: timeline };
}

export async function getContact(ctx: ServiceContext, input: { id: number }) {
  const [contact] = await ctx.db
    .select({ contact: contacts, ownerName: users.name, companyName: companies.name, isReturning: contactIsReturning })
    .from(contacts)
    .innerJoin(users, eq(users.id, contacts.ownerId))
    .leftJoin(companies, eq(companies.id, contacts.companyId))
    .where(and(eq(contacts.id, input.id), ownedWithin(ctx.actor, contacts.ownerId)));
  if (!contact) throw notFound('Contact');
  const [dealRows, timeline] = await Promise.all([
    clientDeals(ctx, eq(deals.contactId, input.id)),
    clientActivities(
      ctx,
      or(
        eq(activities.contactId, input.id),
        sql`${activities.dealId} in (select ${deals.id} from ${deals} where ${deals.contactId} = ${input.id} and ${ownedWithin(ctx.actor, deals.ownerId)})`,
      ),
    ),
  ]);
  return {
    ...contact.contact,
    ownerName: contact.ownerName,
    companyName: contact.companyName,
    isReturning: contact.isReturning,
    deals: dealRows,
    activities: timeline,
  };
}

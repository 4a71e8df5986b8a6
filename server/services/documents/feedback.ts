import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { activities, feedback, teams, users } from '@/db/schema';
import { ownedWithin } from '@/server/auth/row-scope';
import type { ServiceContext } from '../context';
import { writeAudit } from '../audit';
import { ServiceError } from '../errors';
import { refreshDealBookkeeping } from '../activities/bookkeeping';
import { dealInScope, requireDocumentEditor } from './document-access';
import { companyRef, createFeedbackInput, dealRef, type CreateFeedbackInput } from './schemas';

/** Where the deal owner's head learns of a negative review at once: a task due now on the deal. */
async function headOf(tx: ServiceContext['db'], ownerId: number) {
  const [row] = await tx
    .select({ headId: teams.headId })
    .from(users)
    .innerJoin(teams, eq(teams.id, users.teamId))
    .where(eq(users.id, ownerId));
  return row?.headId ?? null;
}

/**
 * Records a client's review of a won (or any) deal in scope, tied to the deal's company and
 * contact. It completes the open "collect feedback" task of the 15-days-after-won automation;
 * a negative review is flagged to the owner's head at once (sales standard: «при поступлении
 * негативного отзыва … немедленно») as a task due now, unless the head is the one recording it.
 */
export async function createFeedback(ctx: ServiceContext, rawInput: CreateFeedbackInput) {
  requireDocumentEditor(ctx.actor);
  const input = createFeedbackInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    const deal = await dealInScope(tx, ctx.actor, input.dealId);
    if (deal.status === 'lost') throw new ServiceError('BAD_REQUEST', 'dealId: feedback is collected on won or open deals');
    const now = new Date();
    const [row] = await tx
      .insert(feedback)
      .values({ dealId: deal.id, companyId: deal.companyId, contactId: deal.contactId, sentiment: input.sentiment, text: input.text, ownerId: deal.ownerId, receivedAt: now, createdBy: ctx.actor.id })
      .returning({ id: feedback.id });
    await tx
      .update(activities)
      .set({ doneAt: now, result: 'Отзыв получен', updatedAt: now, version: sql`${activities.version} + 1` })
      .where(and(eq(activities.automationKey, `feedback-request:${deal.id}`), isNull(activities.doneAt)));
    let headTaskId: number | null = null;
    const headId = input.sentiment === 'negative' ? await headOf(tx, deal.ownerId) : null;
    if (headId !== null && headId !== ctx.actor.id) {
      const [task] = await tx
        .insert(activities)
        .values({
          kind: 'task',
          subject: `Негативный отзыв клиента: ${deal.title}`,
          body: input.text,
          dueAt: now,
          ownerId: headId,
          dealId: deal.id,
          companyId: deal.companyId,
          contactId: deal.contactId,
          createdBy: ctx.actor.id,
          automationKey: `negative-feedback:${row!.id}`,
        })
        .returning({ id: activities.id });
      headTaskId = task!.id;
    }
    await refreshDealBookkeeping(tx, deal.id);
    await writeAudit(tx, {
      actorId: ctx.actor.id,
      action: 'feedback.create',
      entityType: 'feedback',
      entityId: row!.id,
      changes: { dealId: [null, deal.id], companyId: [null, deal.companyId], sentiment: [null, input.sentiment], text: [null, input.text], headTaskId: [null, headTaskId] },
    });
    return { id: row!.id, headTaskId };
  });
}

const feedbackColumns = {
  id: feedback.id,
  dealId: feedback.dealId,
  companyId: feedback.companyId,
  sentiment: feedback.sentiment,
  text: feedback.text,
  receivedAt: feedback.receivedAt,
  authorName: users.name,
};

/** A deal's reviews, newest first. */
export async function listDealFeedback(ctx: ServiceContext, rawInput: { dealId: number }) {
  const { dealId } = dealRef.parse(rawInput);
  await dealInScope(ctx.db, ctx.actor, dealId);
  return ctx.db
    .select(feedbackColumns)
    .from(feedback)
    .leftJoin(users, eq(users.id, feedback.createdBy))
    .where(eq(feedback.dealId, dealId))
    .orderBy(desc(feedback.receivedAt), desc(feedback.id));
}

/** A company's reviews within the viewer's scope, and how many are negative (the client card's flag). */
export async function listCompanyFeedback(ctx: ServiceContext, rawInput: { companyId: number }) {
  const input = companyRef.parse(rawInput);
  const inScope = and(eq(feedback.companyId, input.companyId), ownedWithin(ctx.actor, feedback.ownerId));
  const [counts] = await ctx.db
    .select({ negative: sql<number>`(count(*) filter (where ${feedback.sentiment} = 'negative'))::int` })
    .from(feedback)
    .where(inScope);
  const items = await ctx.db
    .select(feedbackColumns)
    .from(feedback)
    .leftJoin(users, eq(users.id, feedback.createdBy))
    .where(inScope)
    .orderBy(desc(feedback.receivedAt), desc(feedback.id))
    .limit(50);
  return { negative: counts!.negative, items };
}

import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { proposalItems, proposalVersions } from '@/db/schema';
import type { ServiceContext } from '../context';
import { diffFields, writeAudit } from '../audit';
import { ServiceError } from '../errors';
import { checkVersion, lockVersionInScope, requireDocumentEditor } from './document-access';
import { readVersionLines, writeVersionLines } from './proposal-lines';
import { updateDraftInput, versionAction, type UpdateDraftInput } from './schemas';

async function latestVersionNo(tx: Database, proposalId: number) {
  const [latest] = await tx
    .select({ versionNo: proposalVersions.versionNo })
    .from(proposalVersions)
    .where(eq(proposalVersions.proposalId, proposalId))
    .orderBy(desc(proposalVersions.versionNo))
    .limit(1);
  return latest?.versionNo ?? 0;
}

/** Only the newest version of an offer moves on; older ones are history, readable as they were. */
export async function requireLatest(tx: Database, proposalId: number, versionNo: number) {
  if ((await latestVersionNo(tx, proposalId)) !== versionNo) {
    throw new ServiceError('BAD_REQUEST', 'versionId: only the latest version of an offer can be changed');
  }
}

async function productIdsOf(tx: Database, versionId: number) {
  const rows = await tx.select({ productId: proposalItems.productId }).from(proposalItems).where(eq(proposalItems.proposalVersionId, versionId));
  return new Set(rows.map((r) => r.productId).filter((id): id is number => id !== null));
}

/** Changes a draft version's lines, dates and notes (a sent version is frozen). */
export async function updateDraftVersion(ctx: ServiceContext, rawInput: UpdateDraftInput) {
  requireDocumentEditor(ctx.actor);
  const input = updateDraftInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    const { version: current } = await lockVersionInScope(tx, ctx.actor, input.versionId);
    checkVersion('offer', current.version, input.version);
    if (current.status !== 'draft') throw new ServiceError('BAD_REQUEST', 'versionId: only a draft can be edited; make a new version');
    const before = { ...current, lines: (await readVersionLines(tx, current.id)).length };
    const totals = await writeVersionLines(tx, current.id, input.items, await productIdsOf(tx, current.id));
    const fields = { validUntil: input.validUntil ?? null, notes: input.notes ?? null };
    const nextVersion = current.version + 1;
    await tx.update(proposalVersions).set({ ...fields, version: nextVersion, updatedAt: new Date() }).where(eq(proposalVersions.id, current.id));
    await writeAudit(tx, {
      actorId: ctx.actor.id,
      action: 'proposal.update_draft',
      entityType: 'proposal_version',
      entityId: current.id,
      changes: { ...diffFields(before, { ...fields, ...totals, lines: input.items.length }), version: [current.version, nextVersion] },
    });
    return { versionId: current.id, version: nextVersion, ...totals };
  });
}

/**
 * A new version of an offer: a draft copying the latest version's lines, dates and notes. Earlier
 * versions stay as they were; a sent one still unanswered counts as answered now (the client's
 * reply is why there is a new version), so the 7-day follow-up never calls about a superseded one.
 */
export async function createNextVersion(ctx: ServiceContext, rawInput: { versionId: number; version: number }) {
  requireDocumentEditor(ctx.actor);
  const input = versionAction.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    const { version: source, proposal } = await lockVersionInScope(tx, ctx.actor, input.versionId);
    checkVersion('offer', source.version, input.version);
    await requireLatest(tx, proposal.id, source.versionNo);
    const now = new Date();
    await tx
      .update(proposalVersions)
      .set({ answeredAt: now, updatedAt: now, version: sql`${proposalVersions.version} + 1` })
      .where(and(eq(proposalVersions.proposalId, proposal.id), eq(proposalVersions.status, 'sent'), isNull(proposalVersions.answeredAt)));
    const versionNo = source.versionNo + 1;
    const [created] = await tx
      .insert(proposalVersions)
      .values({ proposalId: proposal.id, versionNo, currency: source.currency, validUntil: source.validUntil, notes: source.notes, createdBy: ctx.actor.id })
      .returning({ id: proposalVersions.id });
    const totals = await writeVersionLines(tx, created!.id, await readVersionLines(tx, source.id), await productIdsOf(tx, source.id));
    await writeAudit(tx, {
      actorId: ctx.actor.id,
      action: 'proposal.new_version',
      entityType: 'proposal_version',
      entityId: created!.id,
      changes: { proposalId: [null, proposal.id], versionNo: [null, versionNo], copiedFrom: [null, source.id], total: [null, totals.total] },
    });
    return { versionId: created!.id, versionNo, version: 1, ...totals };
  });
}

import { and, asc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { companies, contacts, deals, proposalItems, proposals, proposalVersions, users } from '@/db/schema';
import { ownedWithin } from '@/server/auth/row-scope';
import type { ServiceContext } from '../context';
import { notFound } from '../errors';
import { getSeller } from './seller';
import { dealInScope } from './document-access';
import { dealRef, versionRef } from './schemas';

/** Every offer of a deal in scope with all its versions (newest first) and their lines. */
export async function listDealProposals(ctx: ServiceContext, rawInput: { dealId: number }) {
  const { dealId } = dealRef.parse(rawInput);
  await dealInScope(ctx.db, ctx.actor, dealId);
  const offers = await ctx.db.select().from(proposals).where(eq(proposals.dealId, dealId)).orderBy(asc(proposals.number));
  if (offers.length === 0) return [];
  const versions = await ctx.db
    .select()
    .from(proposalVersions)
    .where(inArray(proposalVersions.proposalId, offers.map((o) => o.id)))
    .orderBy(asc(proposalVersions.versionNo));
  const items = versions.length
    ? await ctx.db
        .select()
        .from(proposalItems)
        .where(inArray(proposalItems.proposalVersionId, versions.map((v) => v.id)))
        .orderBy(asc(proposalItems.sortOrder), asc(proposalItems.id))
    : [];
  return offers.map((offer) => ({
    id: offer.id,
    number: offer.number,
    title: offer.title,
    versions: versions
      .filter((v) => v.proposalId === offer.id)
      .reverse()
      .map((v) => ({ ...v, items: items.filter((i) => i.proposalVersionId === v.id) })),
  }));
}

const owners = alias(users, 'owner');

/** One version as a document to print: the offer, the client, the manager and the lines. */
export async function getProposalDocument(ctx: ServiceContext, rawInput: { versionId: number }) {
  const { versionId } = versionRef.parse(rawInput);
  const [row] = await ctx.db
    .select({
      version: proposalVersions,
      number: proposals.number,
      title: proposals.title,
      dealId: deals.id,
      dealTitle: deals.title,
      ownerName: owners.name,
      ownerEmail: owners.email,
      companyName: companies.name,
      companyInn: companies.inn,
      companyAddress: companies.address,
      contactLastName: contacts.lastName,
      contactFirstName: contacts.firstName,
      contactMiddleName: contacts.middleName,
    })
    .from(proposalVersions)
    .innerJoin(proposals, eq(proposals.id, proposalVersions.proposalId))
    .innerJoin(deals, eq(deals.id, proposals.dealId))
    .innerJoin(owners, eq(owners.id, deals.ownerId))
    .leftJoin(companies, eq(companies.id, deals.companyId))
    .leftJoin(contacts, eq(contacts.id, deals.contactId))
    .where(and(eq(proposalVersions.id, versionId), ownedWithin(ctx.actor, deals.ownerId)));
  if (!row) throw notFound('Offer version');
  const items = await ctx.db
    .select()
    .from(proposalItems)
    .where(eq(proposalItems.proposalVersionId, versionId))
    .orderBy(asc(proposalItems.sortOrder), asc(proposalItems.id));
  const organisation = await getSeller(ctx);
  return { ...row, items, organisation };
}

import { eq } from 'drizzle-orm';
import { leads } from '@/db/schema';
import type { ServiceContext } from '../context';
import { diffFields, writeAudit } from '../audit';
import { createCompany } from '../clients/save-company';
import { createContact } from '../clients/save-contact';
import { requireVisibleCompany, requireVisibleContact } from '../clients/visibility';
import { createDeal } from '../deals/create-deal';
import { lockOpenLead } from './lock-lead';
import { convertLeadInput, type ConvertLeadInput } from './schemas';

/**
 * Converts a lead into a company and / or a contact and / or a deal, each new or existing, in
 * one transaction: if any step fails nothing is written. The lead keeps links to what it became;
 * the deal is a repeat deal when the client already had a won one.
 */
export async function convertLead(ctx: ServiceContext, rawInput: ConvertLeadInput) {
  const input = convertLeadInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    const txCtx = { db: tx, actor: ctx.actor };
    const lead = await lockOpenLead(tx, ctx.actor, input.id, input.version);

    let companyId: number | null = null;
    if (input.company?.mode === 'new') companyId = (await createCompany(txCtx, input.company.fields)).id;
    else if (input.company?.mode === 'existing') {
      await requireVisibleCompany(tx, ctx.actor, input.company.id, 'company.id');
      companyId = input.company.id;
    }

    let contactId: number | null = null;
    if (input.contact?.mode === 'new') contactId = (await createContact(txCtx, { ...input.contact.fields, companyId })).id;
    else if (input.contact?.mode === 'existing') {
      await requireVisibleContact(tx, ctx.actor, input.contact.id, 'contact.id');
      contactId = input.contact.id;
    }

    let dealId: number | null = null;
    if (input.deal) {
      const deal = await createDeal(
        txCtx,
        { ...input.deal, companyId, contactId, sourceId: lead.sourceId },
        { leadId: lead.id, ownerId: lead.ownerId ?? ctx.actor.id },
      );
      dealId = deal.id;
    }

    const patch = {
      status: 'converted' as const,
      convertedCompanyId: companyId,
      convertedContactId: contactId,
      convertedDealId: dealId,
      convertedAt: new Date(),
    };
    await tx.update(leads).set({ ...patch, version: lead.version + 1, updatedAt: new Date() }).where(eq(leads.id, lead.id));
    await writeAudit(tx, { actorId: ctx.actor.id, action: 'lead.convert', entityType: 'lead', entityId: lead.id, changes: { ...diffFields(lead, patch), version: [lead.version, lead.version + 1] } });
    return { id: lead.id, companyId, contactId, dealId };
  });
}

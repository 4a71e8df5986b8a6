import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { invoices, proposalVersions } from '@/db/schema';
import type { SessionUser } from '@/server/auth/session-user';
import { createCaller } from '@/server/trpc/root';
import { buildScopeFixture, type ScopeFixture } from '@/test/fixtures';
import { DRIVERS, inRollback, useFreshDatabase } from '@/test/test-database';
import type { Database } from '@/db/client';

const DUE = '2099-12-31';

/** Manager A1's offer (sent) and invoice, the documents everyone else tries to reach. */
async function documentsOfA1(db: Database, f: ScopeFixture) {
  const a1 = createCaller({ db, user: f.managerA1 });
  const offer = await a1.proposals.create({ dealId: f.deals.a1, title: 'КП', items: [{ name: 'A', quantity: '1', price: '500' }] });
  await a1.proposals.send({ versionId: offer.versionId, version: 1 });
  const invoice = await a1.invoices.create({ source: 'manual', dealId: f.deals.a1, total: '500', dueDate: DUE });
  return { offer, invoice };
}

/** Every read and write on those documents, as `user`: each result is either a value or an error code. */
async function tryEverything(db: Database, user: SessionUser, f: ScopeFixture, docs: Awaited<ReturnType<typeof documentsOfA1>>) {
  const caller = createCaller({ db, user });
  const outcome = (p: Promise<unknown>) => p.then(() => 'ok', (e: { code?: string }) => e.code ?? 'error');
  return {
    listOffers: await outcome(caller.proposals.byDeal({ dealId: f.deals.a1 })),
    printOffer: await outcome(caller.proposals.document({ versionId: docs.offer.versionId })),
    listInvoices: await outcome(caller.invoices.byDeal({ dealId: f.deals.a1 })),
    printInvoice: await outcome(caller.invoices.document({ invoiceId: docs.invoice.id })),
    newOffer: await outcome(caller.proposals.create({ dealId: f.deals.a1, title: 'X', items: [{ name: 'B', quantity: '1', price: '1' }] })),
    reject: await outcome(caller.proposals.reject({ versionId: docs.offer.versionId, version: 2 })),
    newVersion: await outcome(caller.proposals.newVersion({ versionId: docs.offer.versionId, version: 3 })),
    invoice: await outcome(caller.invoices.create({ source: 'manual', dealId: f.deals.a1, total: '1', dueDate: DUE, allowAboveDealAmount: true })),
    pay: await outcome(caller.invoices.addPayment({ invoiceId: docs.invoice.id, amount: '1' })),
    feedback: await outcome(caller.feedback.create({ dealId: f.deals.a1, sentiment: 'positive', text: 'ok' })),
  };
}

const ALL = ['listOffers', 'printOffer', 'listInvoices', 'printInvoice', 'newOffer', 'reject', 'newVersion', 'invoice', 'pay', 'feedback'] as const;
const expectAll = (result: Record<string, string>, code: string, keys: readonly string[] = ALL) =>
  expect(Object.fromEntries(keys.map((k) => [k, result[k]]))).toEqual(Object.fromEntries(keys.map((k) => [k, code])));

describe.each(DRIVERS)('offers and invoices respect row scope on %s', (driver) => {
  const database = useFreshDatabase(driver);

  it('a colleague and the other team see nothing and change nothing (as if missing)', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const docs = await documentsOfA1(db, f);
      for (const outsider of [f.managerA2, f.headB, f.managerB1]) expectAll(await tryEverything(db, outsider, f, docs), 'NOT_FOUND');
      const [version] = await db.select().from(proposalVersions).where(eq(proposalVersions.id, docs.offer.versionId));
      expect(version).toMatchObject({ status: 'sent', version: 2 });
      const [invoice] = await db.select().from(invoices).where(eq(invoices.id, docs.invoice.id));
      expect(invoice).toMatchObject({ paidAmount: '0.00', version: 1 });
    }));

  it('the executive reads everything and changes nothing; the team head reads and changes', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      const docs = await documentsOfA1(db, f);
      const executive = await tryEverything(db, f.executive, f, docs);
      expectAll(executive, 'ok', ['listOffers', 'printOffer', 'listInvoices', 'printInvoice']);
      expectAll(executive, 'FORBIDDEN', ['newOffer', 'reject', 'newVersion', 'invoice', 'pay', 'feedback']);
      expectAll(await tryEverything(db, f.headA, f, docs), 'ok');
    }));
});

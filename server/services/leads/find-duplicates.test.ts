import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eq } from 'drizzle-orm';
import { leads } from '@/db/schema';
import { DRIVERS, inRollback, useFreshDatabase } from '@/test/test-database';
import { buildScopeFixture } from '@/test/fixtures';
import { createLead } from './create-lead';

/** A Russian mobile without the country code, and the ways people write it. */
const russianMobile = fc.stringMatching(/^9\d{9}$/);
const spelling = fc.record({
  prefix: fc.constantFrom('+7', '8', '7', '+7 ', '8 ', ''),
  brackets: fc.boolean(),
  separator: fc.constantFrom('', ' ', '-'),
});
const spell = (n: string, way: { prefix: string; brackets: boolean; separator: string }) =>
  `${way.prefix}${way.brackets ? `(${n.slice(0, 3)}) ` : `${n.slice(0, 3)}${way.separator}`}${[n.slice(3, 6), n.slice(6, 8), n.slice(8)].join(way.separator)}`;

/** A plain address zod accepts, and the same address with its letters' case scrambled. */
const email = fc
  .tuple(fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/), fc.stringMatching(/^[a-z]{2,8}$/), fc.constantFrom('ru', 'com', 'org'))
  .map(([user, domain, zone]) => `${user}@${domain}.${zone}`);
const recased = (text: string, flips: boolean[]) => [...text].map((char, i) => (flips[i % flips.length] ? char.toUpperCase() : char)).join('');

// Each run works in its own savepoint inside the test's transaction, so runs never see each other.
const RUNS = 25;

describe.each(DRIVERS)('duplicate matching on %s', (driver) => {
  const database = useFreshDatabase(driver);

  it('links a second lead to the first whatever way the same number is written', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      await fc.assert(
        fc.asyncProperty(russianMobile, spelling, spelling, (number, first, second) =>
          inRollback(db, async (tx) => {
            const earlier = await createLead({ db: tx, actor: f.managerA1 }, { personName: 'Первый', phone: spell(number, first) });
            const later = await createLead({ db: tx, actor: f.managerA2 }, { personName: 'Второй', phone: spell(number, second) });
            expect(later.duplicates.leadId).toBe(earlier.id);
            const [stored] = await tx.select().from(leads).where(eq(leads.id, later.id));
            expect(stored).toMatchObject({ duplicateOfLeadId: earlier.id, phoneNormalized: `+7${number}` });
          }),
        ),
        { numRuns: RUNS },
      );
    }));

  it('matches e-mails that differ only in case', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      await fc.assert(
        fc.asyncProperty(email, fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }), (address, flips) =>
          inRollback(db, async (tx) => {
            const earlier = await createLead({ db: tx, actor: f.managerA1 }, { email: address });
            const later = await createLead({ db: tx, actor: f.headA }, { email: recased(address, flips) });
            expect(later.duplicates.leadId).toBe(earlier.id);
          }),
        ),
        { numRuns: RUNS },
      );
    }));

  it('never matches a different number', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      await fc.assert(
        fc.asyncProperty(
          fc.tuple(russianMobile, russianMobile).filter(([a, b]) => a !== b),
          spelling,
          spelling,
          ([one, other], first, second) =>
            inRollback(db, async (tx) => {
              await createLead({ db: tx, actor: f.managerA1 }, { personName: 'Первый', phone: spell(one, first) });
              const later = await createLead({ db: tx, actor: f.managerA1 }, { personName: 'Второй', phone: spell(other, second) });
              expect(later.duplicates).toEqual({ leadId: null, contactId: null, companyId: null });
            }),
        ),
        { numRuns: RUNS },
      );
    }));
});

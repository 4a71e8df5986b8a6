import type { Database } from '@/db/client';
import { dealStageHistory, deals, lossReasons, organisation, pipelines, stages, teams, users } from '@/db/schema';
import { eq } from 'drizzle-orm';
import type { SessionUser } from '@/server/auth/session-user';

/** A password hash no password verifies against: fixtures never sign in through argon2. */
const UNUSABLE_HASH = '$argon2id$v=19$m=19456,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export interface ScopeFixture {
  headA: SessionUser;
  managerA1: SessionUser;
  managerA2: SessionUser;
  headB: SessionUser;
  managerB1: SessionUser;
  executive: SessionUser;
  admin: SessionUser;
  deactivated: SessionUser;
  deals: { a1: number; a2: number; b1: number; headA: number };
  pipelineId: number;
  /** Stage ids of the fixture pipeline, in order: four open stages, then won and lost. */
  stages: { new: number; qualification: number; meeting: number; contract: number; won: number; lost: number };
  lossReasonId: number;
}

/**
 * Two teams, every role and one deactivated manager, with one deal each: the smallest world in
 * which every row-scope rule can be seen to hold or fail.
 */
export async function buildScopeFixture(db: Database): Promise<ScopeFixture> {
  await db.insert(organisation).values({ id: 1, name: 'Test org' }).onConflictDoNothing();
  const [teamA, teamB] = await db
    .insert(teams)
    .values([{ name: 'Team A' }, { name: 'Team B' }])
    .returning({ id: teams.id });
  const person = async (
    name: string,
    role: SessionUser['role'],
    teamId: number | null,
    isActive = true,
  ): Promise<SessionUser> => {
    const email = `${name.toLowerCase().replace(/\s+/g, '.')}.${Math.random().toString(36).slice(2, 8)}@test.local`;
    const [row] = await db
      .insert(users)
      .values({
        email,
        name,
        role,
        teamId,
        passwordHash: UNUSABLE_HASH,
        isActive,
        deactivatedAt: isActive ? null : new Date(),
      })
      .returning({ id: users.id });
    return { id: row!.id, email, name, role, teamId, locale: null };
  };
  const headA = await person('Head A', 'head', teamA!.id);
  const managerA1 = await person('Manager A1', 'manager', teamA!.id);
  const managerA2 = await person('Manager A2', 'manager', teamA!.id);
  const headB = await person('Head B', 'head', teamB!.id);
  const managerB1 = await person('Manager B1', 'manager', teamB!.id);
  const executive = await person('Executive', 'executive', null);
  const admin = await person('Admin', 'admin', null);
  const deactivated = await person('Former', 'manager', teamA!.id, false);
  await db.update(teams).set({ headId: headA.id }).where(eq(teams.id, teamA!.id));
  await db.update(teams).set({ headId: headB.id }).where(eq(teams.id, teamB!.id));

  const [pipeline] = await db.insert(pipelines).values({ name: 'Sales' }).returning({ id: pipelines.id });
  const stageRows = await db
    .insert(stages)
    .values([
      { pipelineId: pipeline!.id, name: 'New', sortOrder: 1, kind: 'open' as const, probability: 10 },
      { pipelineId: pipeline!.id, name: 'Qualification', sortOrder: 2, kind: 'open' as const, probability: 20 },
      { pipelineId: pipeline!.id, name: 'Meeting', sortOrder: 3, kind: 'open' as const, probability: 40 },
      { pipelineId: pipeline!.id, name: 'Contract', sortOrder: 4, kind: 'open' as const, probability: 80 },
      { pipelineId: pipeline!.id, name: 'Won', sortOrder: 5, kind: 'won' as const, probability: 100 },
      { pipelineId: pipeline!.id, name: 'Lost', sortOrder: 6, kind: 'lost' as const, probability: 0 },
    ])
    .returning({ id: stages.id });
  const [first, qualification, meeting, contract, won, lost] = stageRows.map((row) => row.id) as [
    number, number, number, number, number, number,
  ];
  const [reason] = await db
    .insert(lossReasons)
    .values({ code: `price-${Math.random().toString(36).slice(2, 8)}`, nameRu: 'Цена', nameEn: 'Price' })
    .returning({ id: lossReasons.id });
  const deal = async (title: string, owner: SessionUser) => {
    const [row] = await db
      .insert(deals)
      .values({ title, pipelineId: pipeline!.id, stageId: first, ownerId: owner.id, amount: '1000.00', furthestStageOrder: 1 })
      .returning({ id: deals.id });
    await db.insert(dealStageHistory).values({ dealId: row!.id, toStageId: first, changedBy: owner.id });
    return row!.id;
  };
  return {
    headA,
    managerA1,
    managerA2,
    headB,
    managerB1,
    executive,
    admin,
    deactivated,
    deals: {
      a1: await deal('Deal of A1', managerA1),
      a2: await deal('Deal of A2', managerA2),
      b1: await deal('Deal of B1', managerB1),
      headA: await deal('Deal of head A', headA),
    },
    pipelineId: pipeline!.id,
    stages: { new: first, qualification, meeting, contract, won, lost },
    lossReasonId: reason!.id,
  };
}

import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@/db/client';
import { seedDatabase } from '@/db/seed';
import { loadActiveUser, type SessionUser } from '@/server/auth/session-user';
import { DRIVERS, useFreshDatabase } from '@/test/test-database';
import { getHygieneBoard } from './hygiene-board';
import { getToday } from './get-today';

/** The demo organisation as of this moment; the checks look at instants around Moscow midnight. */
const SEEDED_AT = new Date('2026-11-22T09:30:00Z');
/** Moscow is UTC+3: its midnight between 22 and 23 November is 21:00 UTC on the 22nd. */
const INSTANTS: { now: string; tomorrowStart: string }[] = [
  { now: '2026-11-22T09:30:00Z', tomorrowStart: '2026-11-22T21:00:00Z' },
  { now: '2026-11-22T20:59:59Z', tomorrowStart: '2026-11-22T21:00:00Z' },
  { now: '2026-11-22T21:00:00Z', tomorrowStart: '2026-11-23T21:00:00Z' },
  { now: '2026-11-22T21:00:01Z', tomorrowStart: '2026-11-23T21:00:00Z' },
  { now: '2026-11-23T08:00:00Z', tomorrowStart: '2026-11-23T21:00:00Z' },
];

interface Expected {
  unprocessed: number;
  without_task: number;
  overdue_task: number;
  due_today: number;
}

describe.each(DRIVERS)('Today and the hygiene board equal direct SQL on the demo organisation, on %s', (driver) => {
  const database = useFreshDatabase(driver);
  let managers: SessionUser[] = [];

  beforeAll(async () => {
    await seedDatabase(database(), { scale: 'demo', now: SEEDED_AT });
    const ids = rowsOf<{ id: number }>(await database().db.execute(sql`select id from users where role = 'manager' and is_active order by id`));
    managers = (await Promise.all(ids.map((row) => loadActiveUser(database().db, row.id)))).filter((u): u is SessionUser => u !== null);
  });

  /** Written from the rules, not from the service: activities themselves, not the deal bookkeeping. */
  async function direct(ownerId: number, now: string, tomorrowStart: string): Promise<Expected> {
    const [row] = rowsOf<Expected>(
      await database().db.execute(sql`
        select
          (select count(*)::int from deals d join stages s on s.id = d.stage_id
            where d.owner_id = ${ownerId} and d.status = 'open'
              and s.sort_order = (select min(sort_order) from stages x where x.pipeline_id = d.pipeline_id and x.kind = 'open' and not x.is_archived)
              and not exists (select 1 from activities a where a.deal_id = d.id)) as unprocessed,
          (select count(*)::int from deals d where d.owner_id = ${ownerId} and d.status = 'open'
              and not exists (select 1 from activities a where a.deal_id = d.id and a.done_at is null and a.due_at is not null)) as without_task,
          (select count(*)::int from deals d where d.owner_id = ${ownerId} and d.status = 'open'
              and exists (select 1 from activities a where a.deal_id = d.id and a.done_at is null and a.due_at < ${now}::timestamptz)) as overdue_task,
          (select count(*)::int from activities a where a.owner_id = ${ownerId} and a.done_at is null
              and a.due_at >= ${now}::timestamptz and a.due_at < ${tomorrowStart}::timestamptz) as due_today`),
    );
    return row!;
  }

  it('has a dirty demo day to check against', async () => {
    expect(managers.length).toBeGreaterThanOrEqual(12);
    const totals = { unprocessed: 0, without_task: 0, overdue_task: 0, due_today: 0 };
    for (const manager of managers) {
      const counts = await direct(manager.id, INSTANTS[0]!.now, INSTANTS[0]!.tomorrowStart);
      for (const key of Object.keys(totals) as (keyof Expected)[]) totals[key] += counts[key];
    }
    for (const value of Object.values(totals)) expect(value).toBeGreaterThan(0);
  });

  for (const { now, tomorrowStart } of INSTANTS) {
    it(`gives every manager the same counts as direct SQL at ${now}`, async () => {
      for (const manager of managers) {
        const today = await getToday({ db: database().db, actor: manager }, { now: new Date(now) });
        expect(today.day.tomorrowStart.toISOString()).toBe(new Date(tomorrowStart).toISOString());
        const expected = await direct(manager.id, now, tomorrowStart);
        expect({ manager: manager.email, ...today.counts }).toMatchObject({
          manager: manager.email,
          unprocessed: expected.unprocessed,
          withoutTask: expected.without_task,
          overdueTask: expected.overdue_task,
          dueToday: expected.due_today,
        });
        expect(today.unprocessed.length).toBe(Math.min(50, expected.unprocessed));
      }
    });

    it(`shows each head and the executive the same counts per manager at ${now}`, async () => {
      const heads = rowsOf<{ id: number }>(await database().db.execute(sql`select id from users where role in ('head', 'executive') and is_active`));
      for (const { id } of heads) {
        const reader = (await loadActiveUser(database().db, id))!;
        const board = await getHygieneBoard({ db: database().db, actor: reader }, {}, { now: new Date(now) });
        for (const row of board.rows) {
          const expected = await direct(row.id, now, tomorrowStart);
          expect([row.unprocessed, row.withoutTask, row.overdueTask]).toEqual([expected.unprocessed, expected.without_task, expected.overdue_task]);
        }
        if (reader.role === 'head') expect(board.rows.every((row) => row.teamId === reader.teamId)).toBe(true);
      }
    });
  }
});

import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '@/db/client';
import { seedDatabase } from '@/db/seed';
import { loadActiveUser, type SessionUser } from '@/server/auth/session-user';
import { moveDealToStage } from '@/server/services/deals/move-deal';
import { reopenDeal } from '@/server/services/deals/reopen-deal';
import { reassignDeal } from '@/server/services/deals/reassign-deal';
import { updateDeal } from '@/server/services/deals/update-deal';
import { mergeRecords } from '@/server/services/merges/merge-records';
import { undoMerge } from '@/server/services/merges/undo-merge';
import { updateOrganisationSettings } from '@/server/services/reference/organisation-settings';
import { DRIVERS, inRollback, useFreshDatabase } from '@/test/test-database';
import { clientSpellDifferences, clientSpellsSummary } from './client-spells';

const SEEDED_AT = new Date('2026-11-22T09:30:00Z');

/**
 * The four churn summaries recomputed from the won deals, written here independently of the
 * migration's functions, for the organisation (team 0) and for each team (its members' deals):
 * a win opens a spell when no earlier win of its client is at most N days before it; every other
 * win belongs to the latest opening before it.
 */
function recompute(days: number) {
  const n = sql.raw(String(days));
  const wins = sql`
    scopes as (
      select 0 as team, null::int[] as owners
      union all
      select t.id, array(select u.id from users as u where u.team_id = t.id) from teams as t where exists (select 1 from users as u where u.team_id = t.id)
    ),
    w as (
      select sc.team, case when d.company_id is null then 'contact' else 'company' end as kind, coalesce(d.company_id, d.contact_id) as id,
             d.id as deal, d.closed_at, (d.closed_at at time zone 'Europe/Moscow')::date as day, d.amount
      from deals as d join scopes as sc on sc.owners is null or d.owner_id = any (sc.owners)
      where d.status = 'won' and coalesce(d.company_id, d.contact_id) is not null
    ),
    opening as (
      select w.* from w where not exists (
        select 1 from w as p where p.team = w.team and p.kind = w.kind and p.id = w.id and (p.closed_at, p.deal) < (w.closed_at, w.deal) and w.day - p.day <= ${n})
    ),
    tagged as (
      select w.*, (select count(*) from opening as o where o.team = w.team and o.kind = w.kind and o.id = w.id and (o.closed_at, o.deal) <= (w.closed_at, w.deal))::int as spell
      from w
    ),
    sp as (select team, kind, id, spell, min(day) as f, max(day) as l, count(*)::int as wins, sum(amount) as amount from tagged group by 1, 2, 3, 4),
    client as (select team, kind, id, min(f) as first_day, sum(wins)::int as wins, max(spell) as spells from sp group by 1, 2, 3),
    first_deal as (select distinct on (team, kind, id) team, kind, id, amount from w order by team, kind, id, closed_at, deal),
    spells as (
      select s.team, s.kind, s.id, s.spell, s.f, s.l, s.l + ${n} as until,
             (select coalesce(range_agg(daterange(e.f + 1, e.l + ${n} + 1)), '{}'::datemultirange) from sp as e
              where e.team = s.team and e.kind = s.kind and e.id = s.id and e.spell < s.spell) as earlier,
             s.wins, s.amount, case when s.spell = 1 then fd.amount end as first_amount, c.first_day,
             (select sum(e.wins) from sp as e where e.team = s.team and e.kind = s.kind and e.id = s.id and e.spell <= s.spell)::int as wins_to_date,
             (select sum(e.amount) from sp as e where e.team = s.team and e.kind = s.kind and e.id = s.id and e.spell <= s.spell) as amount_to_date,
             s.spell = c.spells as is_last, c.wins as lifetime_wins
      from sp as s join client as c using (team, kind, id) join first_deal as fd using (team, kind, id)
    ),
    months as (
      select w.team, w.kind, w.id, date_trunc('month', w.day)::date as month, count(*)::int as wins, sum(w.amount) as amount,
             min(w.day) as f, max(w.day) as l, c.first_day
      from w join client as c using (team, kind, id) group by 1, 2, 3, 4, c.first_day
    )`;
  return {
    spells: sql`with ${wins} select team, kind, id, spell, f, l, until, earlier, wins, amount, first_amount, first_day, wins_to_date, amount_to_date, is_last,
                  case when is_last and l > first_day then l + floor((l - first_day)::numeric / (lifetime_wins - 1))::int + 1 end,
                  case when is_last and l > first_day then round(amount_to_date / lifetime_wins, 2) end from spells`,
    months: sql`with ${wins} select * from months`,
    spellMonths: sql`with ${wins}
      select s.team, date_trunc('month', s.f)::date, date_trunc('month', s.until)::date,
             -- per earlier spell, its first to its last month start (days f + 1 … until), merged
             (select coalesce(range_agg(daterange(x.lo, x.hi, '[]')), '{}'::datemultirange)
              from (select min(m::date) as lo, max(m::date) as hi
                    from sp as e, generate_series(date_trunc('month', e.f + 1), e.l + ${n}, interval '1 month') as m
                    where e.team = s.team and e.kind = s.kind and e.id = s.id and e.spell < s.spell and m::date >= e.f + 1 and m::date <= e.l + ${n}
                    group by e.spell) as x),
             count(*)::int
      from spells as s group by 1, 2, 3, 4`,
    cohortCells: sql`with ${wins}
      select m.team, date_trunc('month', m.first_day)::date, m.month, count(*)::int, sum(m.amount),
             coalesce(sum(fd.amount) filter (where m.month = date_trunc('month', m.first_day)::date), 0)
      from months as m join first_deal as fd using (team, kind, id) group by 1, 2, 3`,
  };
}

async function differing(db: Database, table: string, expected: ReturnType<typeof sql>) {
  const [row] = rowsOf<{ n: number }>(
    await db.execute(sql`select (
      (select count(*) from (select * from ${sql.raw(table)} except all select * from (${expected}) as e) as extra) +
      (select count(*) from (${expected} except all select * from ${sql.raw(table)}) as missing))::int as n`),
  );
  return Number(row!.n);
}

async function expectEqualToRecompute(db: Database, days: number) {
  const r = recompute(days);
  expect({
    spells: await differing(db, 'client_active_spells', r.spells),
    months: await differing(db, 'client_win_months', r.months),
    spellMonths: await differing(db, 'churn_spell_months', r.spellMonths),
    cohortCells: await differing(db, 'churn_cohort_cells', r.cohortCells),
  }).toEqual({ spells: 0, months: 0, spellMonths: 0, cohortCells: 0 });
  expect(await clientSpellDifferences(db)).toBe(0);
}

const count = async (db: Database, query: ReturnType<typeof sql>) => Number(rowsOf<{ n: number }>(await db.execute(query))[0]!.n);

describe.each(DRIVERS)('churn summaries stay equal to a recompute from the won deals, on %s', (driver) => {
  const database = useFreshDatabase(driver);
  const db = () => database().db;
  let admin: SessionUser;

  beforeAll(async () => {
    await seedDatabase(database(), { scale: 'demo', now: SEEDED_AT });
    const [row] = rowsOf<{ id: number }>(await db().execute(sql`select id from users where role = 'admin' and is_active order by id limit 1`));
    admin = (await loadActiveUser(db(), row!.id))!;
  });

  it('are filled by the seed, with clients of several spells and several wins', async () => {
    await expectEqualToRecompute(db(), 180);
    expect(await count(db(), sql`select count(*)::int as n from client_active_spells where spell_no > 1`)).toBeGreaterThan(0);
    expect(await count(db(), sql`select count(*)::int as n from client_active_spells where is_last and overdue_from is not null`)).toBeGreaterThan(0);
    expect(await count(db(), sql`select count(*)::int as n from churn_spell_months where not isempty(earlier_months)`)).toBeGreaterThan(0);
    expect(await count(db(), sql`select count(distinct team_id)::int as n from client_active_spells`)).toBe(4);
  });

  it('follow wins, reopenings, losses, amount edits, reassignments, moved close dates and deletions', () =>
    inRollback(db(), async (tx) => {
      const ctx = { db: tx, actor: admin };
      const deal = async (where: ReturnType<typeof sql>) => {
        const [row] = rowsOf<{ id: number; version: number; pipeline_id: number }>(
          await tx.execute(sql`select id, version, pipeline_id from deals where ${where} order by id limit 1`),
        );
        return row!;
      };
      const stage = async (pipelineId: number, kind: string) =>
        rowsOf<{ id: number }>(await tx.execute(sql`select id from stages where pipeline_id = ${pipelineId} and kind = ${kind} order by sort_order limit 1`))[0]!.id;
      const reason = rowsOf<{ id: number }>(await tx.execute(sql`select id from loss_reasons where not is_archived order by id limit 1`))[0]!.id;

      // Win an open deal of a company that already has wins, and one of a contact without a company.
      for (const where of [
        sql`status = 'open' and company_id in (select company_id from deals where status = 'won')`,
        sql`status = 'open' and company_id is null and contact_id is not null`,
      ]) {
        const open = await deal(where);
        await moveDealToStage(ctx, { id: open.id, version: open.version, stageId: await stage(open.pipeline_id, 'won'), amount: '777000' });
      }
      // Reopen the first win of a client with several spells; reopen another win and lose it.
      const first = await deal(sql`status = 'won' and company_id in (select client_id from client_active_spells where client_kind = 'company' and spell_no = 2)`);
      await reopenDeal(ctx, { id: first.id, version: first.version, stageId: await stage(first.pipeline_id, 'open') });
      const other = await deal(sql`status = 'won' and id <> ${first.id}`);
      await reopenDeal(ctx, { id: other.id, version: other.version, stageId: await stage(other.pipeline_id, 'open') });
      await moveDealToStage(ctx, { id: other.id, version: other.version + 1, stageId: await stage(other.pipeline_id, 'lost'), lossReasonId: reason });
      // An amount edit and a new owner (the organisation's tables do not depend on owners).
      const edited = await deal(sql`status = 'won' and id not in (${first.id}, ${other.id})`);
      await updateDeal(ctx, { id: edited.id, version: edited.version, amount: '123456.78' });
      const reassigned = await deal(sql`status = 'won' and owner_id in (select id from users where role = 'manager' and is_active)`);
      const newOwner = rowsOf<{ id: number }>(await tx.execute(sql`select id from users where role = 'manager' and is_active and id <> (select owner_id from deals where id = ${reassigned.id}) order by id limit 1`))[0]!.id;
      await reassignDeal(ctx, { id: reassigned.id, version: reassigned.version, ownerId: newOwner });
      // A won deal handed to a manager of another team, and a manager moving to another team.
      const crossTeam = await deal(sql`status = 'won' and owner_id in (select id from users where role = 'manager' and is_active and team_id is not null)`);
      const otherTeamManager = rowsOf<{ id: number }>(await tx.execute(sql`select id from users where role = 'manager' and is_active and team_id is not null
        and team_id <> (select u.team_id from deals as d join users as u on u.id = d.owner_id where d.id = ${crossTeam.id}) order by id limit 1`))[0]!.id;
      const current = rowsOf<{ version: number }>(await tx.execute(sql`select version from deals where id = ${crossTeam.id}`))[0]!.version;
      await reassignDeal(ctx, { id: crossTeam.id, version: current, ownerId: otherTeamManager });
      await tx.execute(sql`update users set team_id = (select min(id) from teams where id <> users.team_id)
                           where id = (select owner_id from deals where status = 'won' and owner_id <> ${otherTeamManager} group by 1 order by count(*) desc limit 1)`);
      // Close dates moved by hand, across a month end and far apart, and a won deal deleted.
      await tx.execute(sql`update deals set closed_at = closed_at - interval '400 days', stage_entered_at = stage_entered_at - interval '400 days'
                           where id in (select id from deals where status = 'won' order by id desc limit 3)`);
      await tx.execute(sql`delete from deals where id = (select max(id) from deals where status = 'won' and id not in (select deal_id from invoices where deal_id is not null) and id not in (select converted_deal_id from leads where converted_deal_id is not null))`);
      await expectEqualToRecompute(tx, 180);
    }));

  it('follow company and contact merges and their undo (the deals change client)', () =>
    inRollback(db(), async (tx) => {
      const ctx = { db: tx, actor: admin };
      const pair = async (kind: 'company' | 'contact') => {
        const table = sql.raw(kind === 'company' ? 'companies' : 'contacts');
        return rowsOf<{ id: number; version: number }>(
          await tx.execute(sql`select id, version from ${table} where id in (select client_id from client_active_spells where client_kind = ${kind}) order by id limit 2`),
        );
      };
      const companies = await pair('company');
      const merged = await mergeRecords(ctx, { entity: 'company', survivorId: companies[0]!.id, records: companies.map((c) => ({ id: c.id, version: c.version })) });
      await expectEqualToRecompute(tx, 180);
      expect(await count(tx, sql`select count(*)::int as n from client_active_spells where client_kind = 'company' and client_id = ${companies[1]!.id}`)).toBe(0);
      const contacts = await pair('contact');
      await mergeRecords(ctx, { entity: 'contact', survivorId: contacts[1]!.id, records: contacts.map((c) => ({ id: c.id, version: c.version })) });
      await expectEqualToRecompute(tx, 180);
      await undoMerge(ctx, { mergeId: merged.mergeId });
      await expectEqualToRecompute(tx, 180);
    }));

  it('are rebuilt with the new window when an admin changes N, in the same transaction', () =>
    inRollback(db(), async (tx) => {
      const before = await count(tx, sql`select count(*)::int as n from client_active_spells`);
      const [org] = rowsOf<{ version: number }>(await tx.execute(sql`select version from organisation where id = 1`));
      await updateOrganisationSettings({ db: tx, actor: admin }, { version: org!.version, churnWindowDays: 30 });
      await expectEqualToRecompute(tx, 30);
      expect(await count(tx, sql`select count(*)::int as n from client_active_spells`)).toBeGreaterThan(before);
    }));

  it('are put right by the repair command, which counts the rows that were wrong', () =>
    inRollback(db(), async (tx) => {
      await tx.execute(sql`update client_active_spells set wins = wins + 1
                           where team_id = 0 and spell_no = 1 and (client_kind, client_id) = (select client_kind, client_id from client_active_spells order by 2, 1 limit 1)`);
      await tx.execute(sql`delete from churn_cohort_cells where month = (select max(month) from churn_cohort_cells)`);
      expect(await clientSpellDifferences(tx)).toBeGreaterThan(0);
      // The independent recompute sees the same damage.
      expect(await differing(tx, 'client_active_spells', recompute(180).spells)).toBe(2);
      expect(await differing(tx, 'churn_cohort_cells', recompute(180).cohortCells)).toBeGreaterThan(0);
      expect(await clientSpellsSummary.rebuild(tx)).toBeGreaterThan(0);
      await expectEqualToRecompute(tx, 180);
      expect(await clientSpellsSummary.rebuild(tx)).toBe(0);
    }));
});

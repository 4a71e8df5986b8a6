/**
 * Rules of DESIGN.md section 3 (and the stored bookkeeping of section 7) as SQL that counts the
 * rows breaking them. Every check must return 0 on generated data; tests, the large run and a
 * future repair command can all use the same list.
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type DatabaseHandle } from '../client';
import {
  EXPECTED_DEAL_COHORT_MONTHLY,
  EXPECTED_DEAL_LOSS_MONTHLY,
  EXPECTED_DEAL_OUTCOME_MONTHLY,
  EXPECTED_INVOICE_FLOW_MONTHLY,
  EXPECTED_LEAD_MONTHLY,
  EXPECTED_STAGE_STAY_MONTHLY,
} from '../summaries/report-monthly';
import { STAY_BAND_COLUMNS } from '../../lib/analytics/stay-bands';
import { CLIENT_SPELL_CHECKS } from '../summaries/client-spells';
import { mskDay } from './business-clock';
import { recentMonths } from './months';

export interface IntegrityCheck {
  /** Stable key (tests corrupt data per check by this key). */
  id: string;
  name: string;
  /** A single row with one integer column `n`: the number of offending rows. */
  sql: string;
}

const IDENTITY_TABLES = ['users', 'teams', 'companies', 'contacts', 'leads', 'deals', 'deal_stage_history', 'activities', 'proposals', 'proposal_versions', 'proposal_items', 'invoices', 'payments', 'targets', 'feedback'];

/** Rows in one query's result and not the other's, both ways: 0 when a summary equals its recompute. */
function symmetricDifference(expected: string, stored: string): string {
  return `with e as (${expected}), s as (${stored})
    select ((select count(*) from (select * from e except all select * from s) a) + (select count(*) from (select * from s except all select * from e) b))::int as n`;
}

export function integrityChecks(now: Date): IntegrityCheck[] {
  const at = `'${now.toISOString()}'::timestamptz`;
  const thisMonth = recentMonths(mskDay(now.getTime()), 1)[0]!.first;
  const history = `
    select h.id, h.deal_id, h.from_stage_id, h.to_stage_id, h.changed_at, s.sort_order, s.pipeline_id,
           lag(s.sort_order) over w as prev_order, lag(h.to_stage_id) over w as prev_stage,
           row_number() over w as step, count(*) over (partition by h.deal_id) as steps
    from deal_stage_history h join stages s on s.id = h.to_stage_id
    window w as (partition by h.deal_id order by h.changed_at, h.id)`;
  const normalizedPhones = `array(select '+7' || right(regexp_replace(p, '\\D', '', 'g'), 10) from unnest(phones) with ordinality u(p, o) order by o)`;
  const normalizedEmails = `array(select lower(e) from unnest(emails) with ordinality u(e, o) order by o)`;
  return [
    {
      id: 'history-forward',
      name: 'stage history only moves forward',
      sql: `with h as (${history}) select count(*)::int as n from h where h.prev_order is not null and h.sort_order <= h.prev_order`,
    },
    {
      id: 'history-chain',
      name: 'stage history is a chain (from = previous to, first from is null)',
      sql: `with h as (${history}) select count(*)::int as n from h where h.from_stage_id is distinct from h.prev_stage`,
    },
    {
      id: 'history-pipeline',
      name: 'stage history stays in the deal pipeline',
      sql: `select count(*)::int as n from deal_stage_history h join stages s on s.id = h.to_stage_id join deals d on d.id = h.deal_id where s.pipeline_id <> d.pipeline_id`,
    },
    {
      id: 'history-start',
      name: 'every deal starts in the first stage at its creation',
      sql: `with h as (${history}) select count(*)::int as n from deals d
            left join h on h.deal_id = d.id and h.step = 1
            where h.id is null or h.changed_at <> d.created_at
               or h.sort_order <> (select min(sort_order) from stages s where s.pipeline_id = d.pipeline_id)`,
    },
    {
      id: 'history-current',
      name: 'deal stage and stage_entered_at equal the last history row',
      sql: `with h as (${history}) select count(*)::int as n from deals d
            left join h on h.deal_id = d.id and h.step = h.steps
            where h.id is null or h.to_stage_id <> d.stage_id or h.changed_at <> d.stage_entered_at`,
    },
    {
      id: 'status-kind',
      name: 'status matches the stage kind',
      sql: `select count(*)::int as n from deals d join stages s on s.id = d.stage_id where s.kind <> d.status or s.pipeline_id <> d.pipeline_id`,
    },
    {
      id: 'closed-at',
      name: 'closed_at set exactly for won / lost deals, at the closing move',
      sql: `select count(*)::int as n from deals where (status = 'open') <> (closed_at is null) or (status <> 'open' and closed_at <> stage_entered_at)`,
    },
    {
      id: 'loss-reason',
      name: 'lost deals have a loss reason, others none',
      sql: `select count(*)::int as n from deals where (status = 'lost') <> (loss_reason_id is not null)`,
    },
    {
      id: 'furthest-stage',
      name: 'furthest_stage_order = furthest open stage in history',
      sql: `select count(*)::int as n from deals d where d.furthest_stage_order <> (
              select max(s.sort_order) from deal_stage_history h join stages s on s.id = h.to_stage_id
              where h.deal_id = d.id and s.kind = 'open')`,
    },
    {
      id: 'stage-stays',
      name: "deal_stage_history.left_at = the deal's next row's changed_at",
      sql: `select count(*)::int as n from (
              select left_at, lead(changed_at) over (partition by deal_id order by changed_at, id) as next_at
              from deal_stage_history) h
            where h.left_at is distinct from h.next_at`,
    },
    {
      id: 'lost-from-stage',
      name: "deals.lost_from_stage_id = the from-stage of the deal's latest history row into a lost stage",
      sql: `select count(*)::int as n from deals d left join lateral (
              select case when s.kind = 'lost' then h.from_stage_id end as lost_from
              from deal_stage_history h join stages s on s.id = h.to_stage_id
              where h.deal_id = d.id order by h.changed_at desc, h.id desc limit 1) l on true
            where d.lost_from_stage_id is distinct from l.lost_from`,
    },
    {
      id: 'lead-monthly',
      name: 'lead_monthly equals a recompute from leads',
      sql: `select count(*)::int as n from ((${EXPECTED_LEAD_MONTHLY}) except all
              select month, owner_id, source_id, created, converted, junk from lead_monthly where (created, converted, junk) <> (0, 0, 0)) x`,
    },
    {
      id: 'deal-outcome-monthly',
      name: 'deal_outcome_monthly equals a recompute from closed deals',
      sql: `select count(*)::int as n from (select month, owner_id, source_id, pipeline_id, won, lost, won_amount, won_seconds
              from deal_outcome_monthly where (won, lost) <> (0, 0) except all (${EXPECTED_DEAL_OUTCOME_MONTHLY})) x`,
    },
    {
      id: 'deal-loss-monthly',
      name: 'deal_loss_monthly equals a recompute from lost deals',
      sql: symmetricDifference(EXPECTED_DEAL_LOSS_MONTHLY, 'select month, pipeline_id, source_id, loss_reason_id, lost_from_stage_id, lost, amount from deal_loss_monthly where (lost, amount) <> (0, 0)'),
    },
    {
      id: 'deal-cohort-monthly',
      name: 'deal_cohort_monthly equals a recompute from deals',
      sql: symmetricDifference(EXPECTED_DEAL_COHORT_MONTHLY, 'select month, pipeline_id, owner_id, status, furthest_stage_order, deals, amount from deal_cohort_monthly where (deals, amount) <> (0, 0)'),
    },
    {
      id: 'stage-stay-monthly',
      name: 'stage_stay_monthly equals a recompute from the stage history',
      sql: symmetricDifference(EXPECTED_STAGE_STAY_MONTHLY, `select month, pipeline_id, owner_id, stage_id, stays, seconds, ${STAY_BAND_COLUMNS.join(', ')} from stage_stay_monthly where stays <> 0`),
    },
    {
      id: 'invoice-flow-monthly',
      name: 'invoice_flow_monthly equals a recompute from invoices and payments',
      sql: symmetricDifference(
        EXPECTED_INVOICE_FLOW_MONTHLY,
        'select month, owner_id, invoiced, invoiced_amount, payments, paid_amount from invoice_flow_monthly where (invoiced, invoiced_amount, payments, paid_amount) <> (0, 0, 0, 0)',
      ),
    },
    {
      id: 'open-tasks',
      name: 'open_task_count and next_task_due_at equal a recompute from activities',
      sql: `select count(*)::int as n from deals d left join lateral (
              select count(*)::int as open_tasks, min(a.due_at) as next_due from activities a
              where a.deal_id = d.id and a.done_at is null and a.due_at is not null) t on true
            where d.open_task_count <> t.open_tasks or d.next_task_due_at is distinct from t.next_due`,
    },
    {
      id: 'last-activity',
      name: 'last_activity_at equals a recompute from activities',
      sql: `select count(*)::int as n from deals d where d.last_activity_at is distinct from (
              select max(greatest(a.created_at, coalesce(a.done_at, a.created_at))) from activities a where a.deal_id = d.id)`,
    },
    {
      id: 'tasks-on-open',
      name: 'open tasks only on open deals and open leads',
      sql: `select count(*)::int as n from activities a
            left join deals d on d.id = a.deal_id left join leads l on l.id = a.lead_id
            where a.done_at is null and a.due_at is not null
              and (d.status in ('won', 'lost') or l.status in ('converted', 'junk'))`,
    },
    {
      id: 'is-repeat',
      name: 'is_repeat equals a recompute (client had a deal won before this one was created)',
      sql: `select count(*)::int as n from deals d where d.is_repeat <> exists (
              select 1 from deals w where w.status = 'won' and w.closed_at < d.created_at
                and ((d.company_id is not null and w.company_id = d.company_id)
                  or (d.company_id is null and w.company_id is null and w.contact_id = d.contact_id)))`,
    },
    {
      id: 'activity-times',
      name: 'activities happen within their deal / lead life and not in the future',
      sql: `select count(*)::int as n from activities a
            left join deals d on d.id = a.deal_id left join leads l on l.id = a.lead_id
            where a.created_at > ${at} or a.done_at > ${at} or a.done_at < a.created_at
               or a.created_at < coalesce(d.created_at, l.created_at)
               or a.done_at > coalesce(d.closed_at, l.converted_at, l.junked_at, ${at})`,
    },
    {
      id: 'no-future',
      name: 'nothing is created, moved or closed after now',
      sql: `select (
              (select count(*) from deals where created_at > ${at} or closed_at > ${at} or stage_entered_at > ${at}) +
              (select count(*) from deal_stage_history where changed_at > ${at}) +
              (select count(*) from leads where created_at > ${at} or converted_at > ${at} or junked_at > ${at}) +
              (select count(*) from companies where created_at > ${at}) +
              (select count(*) from contacts where created_at > ${at}) +
              (select count(*) from payments where paid_at > ${at}))::int as n`,
    },
    {
      id: 'invoice-paid',
      name: 'invoice paid_amount = sum of payments, never above total; paid status matches',
      sql: `select count(*)::int as n from invoices i left join lateral (
              select coalesce(sum(p.amount), 0) as paid from payments p where p.invoice_id = i.id) p on true
            where i.paid_amount <> p.paid or i.paid_amount > i.total
               or (i.status <> 'cancelled' and (i.status = 'paid') <> (i.paid_amount = i.total))`,
    },
    {
      id: 'invoice-numbers',
      name: 'invoice numbers are gapless per year from 1',
      sql: `select count(*)::int as n from (select year, count(*) as c, min(seq) as lo, max(seq) as hi, count(distinct seq) as d
              from invoices group by year) y where y.lo <> 1 or y.hi <> y.c or y.d <> y.c`,
    },
    {
      id: 'line-totals',
      name: 'proposal line totals = round(qty × price × (1 − discount) × (1 + VAT), 2)',
      sql: `select count(*)::int as n from proposal_items
            where line_total <> round(quantity * price * (1 - discount_pct / 100) * (1 + vat_rate / 100), 2)`,
    },
    {
      id: 'version-totals',
      name: 'proposal version totals = sum of line totals (and subtotal − discount + VAT = total)',
      sql: `select count(*)::int as n from proposal_versions v left join lateral (
              select coalesce(sum(i.line_total), 0) as total from proposal_items i where i.proposal_version_id = v.id) i on true
            where v.total <> i.total or v.subtotal - v.discount_total + v.vat_total <> v.total or v.vat_total < 0`,
    },
    {
      id: 'lead-first-activity',
      name: 'lead first_activity_at = first done activity',
      sql: `select count(*)::int as n from leads l where l.first_activity_at is distinct from (
              select min(a.done_at) from activities a where a.lead_id = l.id)`,
    },
    {
      id: 'activity-daily',
      name: 'activity_daily equals a recompute from activities (done on the org-local day, planned on the due day)',
      sql: `with tz as (select coalesce((select time_zone from organisation where id = 1), 'Europe/Moscow') as name),
            fresh as (
              select owner_id, day, sum(calls) as calls, sum(calls_in) as calls_in, sum(calls_out) as calls_out,
                     sum(talk) as talk_seconds, sum(meetings) as meetings, sum(emails) as emails, sum(tasks) as tasks_done,
                     sum(due) as planned_due, sum(late) as planned_late, sum(open) as planned_open
              from (
                select a.owner_id, (a.done_at at time zone tz.name)::date as day,
                       case when a.kind = 'call' then 1 else 0 end as calls,
                       case when a.kind = 'call' and a.direction = 'in' then 1 else 0 end as calls_in,
                       case when a.kind = 'call' and a.direction = 'out' then 1 else 0 end as calls_out,
                       case when a.kind = 'call' then coalesce(a.duration_sec, 0) else 0 end as talk,
                       case when a.kind = 'meeting' then 1 else 0 end as meetings,
                       case when a.kind = 'email' then 1 else 0 end as emails,
                       case when a.kind = 'task' then 1 else 0 end as tasks,
                       0 as due, 0 as late, 0 as open
                from activities a, tz where a.done_at is not null and a.kind <> 'note'
                union all
                select a.owner_id, (a.due_at at time zone tz.name)::date, 0, 0, 0, 0, 0, 0, 0, 1,
                       case when a.done_at > a.due_at then 1 else 0 end, case when a.done_at is null then 1 else 0 end
                from activities a, tz where a.due_at is not null
              ) cells group by owner_id, day
            )
            select count(*)::int as n from fresh f full join activity_daily d on d.owner_id = f.owner_id and d.day = f.day
            where (f.calls, f.calls_in, f.calls_out, f.talk_seconds, f.meetings, f.emails, f.tasks_done, f.planned_due, f.planned_late, f.planned_open)
                  is distinct from (d.calls, d.calls_in, d.calls_out, d.talk_seconds, d.meetings, d.emails, d.tasks_done, d.planned_due, d.planned_late, d.planned_open)`,
    },
    {
      id: 'lead-response-daily',
      name: 'lead_response_daily equals a recompute from leads (created on the org-local day, first response bands)',
      sql: `with tz as (select coalesce((select time_zone from organisation where id = 1), 'Europe/Moscow') as name),
            timed as (
              select l.owner_id, (l.created_at at time zone tz.name)::date as day, l.first_activity_at is not null as responded,
                     extract(epoch from l.first_activity_at - l.created_at) as seconds
              from leads l, tz where l.owner_id is not null
            ),
            fresh as (
              select owner_id, day, count(*) as leads, count(*) filter (where responded) as responded,
                     coalesce(sum(seconds * 1000000), 0) as response_us,
                     array[count(*) filter (where seconds < 300),
                           count(*) filter (where seconds >= 300 and seconds < 900),
                           count(*) filter (where seconds >= 900 and seconds < 1800),
                           count(*) filter (where seconds >= 1800 and seconds < 3600),
                           count(*) filter (where seconds >= 3600 and seconds < 7200),
                           count(*) filter (where seconds >= 7200 and seconds < 14400),
                           count(*) filter (where seconds >= 14400 and seconds < 28800),
                           count(*) filter (where seconds >= 28800 and seconds < 86400),
                           count(*) filter (where seconds >= 86400 and seconds < 172800),
                           count(*) filter (where seconds >= 172800 and seconds < 604800),
                           count(*) filter (where seconds >= 604800)] as bands
              from timed group by owner_id, day
            )
            select count(*)::int as n from fresh f full join lead_response_daily d on d.owner_id = f.owner_id and d.day = f.day
            where (f.leads, f.responded, f.response_us, f.bands)
                  is distinct from (d.leads, d.responded, d.response_us,
                    array[d.response_0_5m, d.response_5m_15m, d.response_15m_30m, d.response_30m_1h, d.response_1h_2h, d.response_2h_4h,
                          d.response_4h_8h, d.response_8h_1d, d.response_1d_2d, d.response_2d_7d, d.response_7d_plus]::bigint[])`,
    },
    {
      id: 'conversion-links',
      name: 'converted leads and their deals point at each other',
      sql: `select (
              (select count(*) from leads l left join deals d on d.id = l.converted_deal_id
                where l.converted_deal_id is not null and (l.status <> 'converted' or d.lead_id is distinct from l.id
                  or l.converted_at <> d.created_at or l.converted_company_id is distinct from d.company_id)) +
              (select count(*) from deals d join leads l on l.id = d.lead_id where l.converted_deal_id is distinct from d.id))::int as n`,
    },
    {
      id: 'duplicates',
      name: 'duplicate leads point at an earlier lead with the same phone or e-mail',
      sql: `select count(*)::int as n from leads l join leads o on o.id = l.duplicate_of_lead_id
            where o.id >= l.id or not (o.phone_normalized = l.phone_normalized or o.email_normalized = l.email_normalized)`,
    },
    {
      id: 'normalized-contacts',
      name: 'normalised phones (E.164) and e-mails (lower-case) match what was typed',
      sql: `select (
              (select count(*) from leads where phone_normalized is distinct from
                 case when phone is null then null else '+7' || right(regexp_replace(phone, '\\D', '', 'g'), 10) end) +
              (select count(*) from leads where email_normalized is distinct from lower(email)) +
              (select count(*) from companies where phones_normalized <> ${normalizedPhones} or emails_normalized <> ${normalizedEmails}) +
              (select count(*) from contacts where phones_normalized <> ${normalizedPhones} or emails_normalized <> ${normalizedEmails}))::int as n`,
    },
    {
      id: 'lead-team',
      name: 'leads belong to their owner team',
      sql: `select count(*)::int as n from leads l join users u on u.id = l.owner_id where l.team_id is distinct from u.team_id`,
    },
    {
      id: 'deactivated-owners',
      name: 'deactivated managers own no open deals, open leads or open tasks',
      sql: `select (
              (select count(*) from deals d join users u on u.id = d.owner_id where not u.is_active and d.status = 'open') +
              (select count(*) from leads l join users u on u.id = l.owner_id where not u.is_active and l.status in ('new', 'in_progress')) +
              (select count(*) from activities a join users u on u.id = a.owner_id where not u.is_active and a.done_at is null))::int as n`,
    },
    {
      id: 'targets',
      name: 'every active manager has all five targets this month',
      sql: `select count(*)::int as n from users u where u.role = 'manager' and u.is_active and (
              select count(distinct t.metric) from targets t where t.user_id = u.id and t.month = '${thisMonth}') < 5`,
    },
    ...CLIENT_SPELL_CHECKS.map((check) => ({ id: check.id, name: `${check.table} equals a recompute from the won deals`, sql: check.sql })),
    {
      id: 'identities',
      name: 'identity sequences continue after the largest id',
      sql: `select (${IDENTITY_TABLES.map(
        (t) => `(select case when s.last_value = (select coalesce(max(id), 0) + 1 from "${t}") and not s.is_called then 0 else 1 end from "${t}_id_seq" s)`,
      ).join(' + ')})::int as n`,
    },
  ];
}

export async function countOffending(handle: DatabaseHandle, check: IntegrityCheck): Promise<number> {
  const rows = rowsOf<{ n: number }>(await handle.db.execute(sql.raw(check.sql)));
  return Number(rows[0]?.n ?? -1);
}

export async function runIntegrityChecks(handle: DatabaseHandle, now: Date): Promise<{ id: string; name: string; offending: number }[]> {
  const results: { id: string; name: string; offending: number }[] = [];
  for (const check of integrityChecks(now)) {
    results.push({ id: check.id, name: check.name, offending: await countOffending(handle, check) });
  }
  return results;
}

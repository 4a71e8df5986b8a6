import { sql, type SQL } from 'drizzle-orm';
import { receivablesReport } from '@/server/services/analytics/receivables';
import type { BenchScope, ReportBenchCase } from './case';

/** The period before the measured one, as org-local dates and instants (12 months earlier). */
function previous(scope: BenchScope) {
  return {
    from: sql`(${scope.from}::date - interval '12 months')::date`,
    fromAt: sql`((${scope.from}::date - interval '12 months')::timestamp at time zone ${scope.timeZone})`,
  };
}

/**
 * Receivables over 12 whole past months: invoiced and paid per manager, in total and per month,
 * the previous 12 months' totals, and the debts at the period's end (per manager, the 100 largest
 * debtors with names, totals with aging) — by hand, one plain statement per figure group.
 */
export const receivablesCase: ReportBenchCase = {
  report: 'receivables',
  run: (ctx, filters) => receivablesReport(ctx, filters),
  handWritten(scope) {
    const team: SQL = scope.teamId === null ? sql`true` : sql`i.owner_id in (select id from users where team_id = ${scope.teamId})`;
    const from = sql`${scope.from}::date`;
    const to = sql`${scope.to}::date`;
    const fromAt = sql`${scope.fromAt}::timestamptz`;
    const toAt = sql`${scope.toAt}::timestamptz`;
    const asOfDate = sql`(${scope.to}::date - 1)`;
    const prev = previous(scope);
    return [
      sql`select i.owner_id, date_trunc('month', i.issue_date) as month, count(*), sum(i.total)
          from invoices i where i.status in ('issued', 'paid') and i.issue_date >= ${from} and i.issue_date < ${to} and ${team}
          group by rollup (i.owner_id, 2)`,
      sql`select i.owner_id, date_trunc('month', p.paid_at at time zone ${scope.timeZone}) as month, count(*), sum(p.amount)
          from payments p join invoices i on i.id = p.invoice_id
          where i.status in ('issued', 'paid') and p.paid_at >= ${fromAt} and p.paid_at < ${toAt} and ${team}
          group by rollup (i.owner_id, 2)`,
      sql`select count(*), sum(i.total) from invoices i
          where i.status in ('issued', 'paid') and i.issue_date >= ${prev.from} and i.issue_date < ${from} and ${team}`,
      sql`select count(*), sum(p.amount) from payments p join invoices i on i.id = p.invoice_id
          where i.status in ('issued', 'paid') and p.paid_at >= ${prev.fromAt} and p.paid_at < ${fromAt} and ${team}`,
      // Owed at the period's end = total − paid_amount + payments from the end on; only invoices
      // not fully paid now, or paid after the end, can owe anything.
      sql`create temporary table owed on commit drop as
          with later as (select invoice_id, sum(amount) as amount from payments where paid_at >= ${toAt} group by 1)
          select i.owner_id, coalesce(i.company_id, i.contact_id) as client, i.company_id is not null as is_company,
                 i.total - i.paid_amount + coalesce(l.amount, 0) as amount, ${asOfDate} - i.due_date as late
          from invoices i left join later l on l.invoice_id = i.id
          where (i.status = 'issued' or (i.status = 'paid' and l.invoice_id is not null)) and i.issue_date <= ${asOfDate} and ${team}
            and i.total - i.paid_amount + coalesce(l.amount, 0) > 0`,
      sql`select owner_id, count(*), sum(amount), sum(amount) filter (where late > 0),
                 sum(amount) filter (where late between 1 and 30), sum(amount) filter (where late between 31 and 60),
                 sum(amount) filter (where late between 61 and 90), sum(amount) filter (where late > 90)
          from owed group by rollup (owner_id)`,
      sql`with ranked as (
            select client, is_company, count(*) over () as debtors from owed
            group by client, is_company order by sum(amount) desc limit 100
          ),
          clients as (
            select o.client, o.is_company, r.debtors, count(*) as invoices, sum(amount) as amount, max(late) as oldest,
                   sum(amount) filter (where late > 0) as overdue,
                   sum(amount) filter (where late between 1 and 30) as d30, sum(amount) filter (where late between 31 and 60) as d60,
                   sum(amount) filter (where late between 61 and 90) as d90, sum(amount) filter (where late > 90) as older
            from owed o join ranked r on r.client = o.client and r.is_company = o.is_company
            group by o.client, o.is_company, r.debtors
          )
          select clients.*, case when is_company then (select name from companies where id = client)
                                 else (select last_name || ' ' || first_name from contacts where id = client) end as name
          from clients`,
    ];
  },
};

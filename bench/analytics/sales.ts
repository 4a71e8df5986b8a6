import { sql } from 'drizzle-orm';
import { conversionReport } from '@/server/services/analytics/conversion';
import { lossReasonsReport } from '@/server/services/analytics/loss-reasons';
import { sourcesReport } from '@/server/services/analytics/sources-report';
import type { BenchScope, ReportBenchCase } from './case';
import { instants, ownedBy } from './scope-sql';

const month = (scope: BenchScope, column: string) => sql.raw(`date_trunc('month', ${column} at time zone '${scope.timeZone}')`);

/** By hand: leads and closed deals of the year by manager, source, pipeline and month, and last year's totals. */
export const conversionCase: ReportBenchCase = {
  report: 'conversion',
  run: (ctx, filters) => conversionReport(ctx, filters),
  handWritten(scope) {
    const at = instants(scope);
    return [
      sql`
        select owner_id, source_id, ${month(scope, 'created_at')} as m, count(*),
               count(*) filter (where status = 'converted'), count(*) filter (where status = 'junk')
        from leads where created_at >= ${at.from} and created_at < ${at.to} and ${ownedBy(scope, 'owner_id')}
        group by grouping sets ((), (owner_id), (source_id), (3))`,
      sql`
        select owner_id, source_id, pipeline_id, ${month(scope, 'closed_at')} as m,
               count(*) filter (where status = 'won'), count(*) filter (where status = 'lost'),
               sum(amount) filter (where status = 'won'), avg(amount) filter (where status = 'won'),
               avg(extract(epoch from closed_at - created_at)) filter (where status = 'won') / 86400
        from deals where status <> 'open' and closed_at >= ${at.from} and closed_at < ${at.to} and ${ownedBy(scope, 'owner_id')}
        group by grouping sets ((), (owner_id), (source_id), (pipeline_id), (4))`,
      sql`
        select count(*) filter (where status = 'converted'), count(*) filter (where status = 'junk'), count(*)
        from leads where created_at >= ${at.previousFrom} and created_at < ${at.from} and ${ownedBy(scope, 'owner_id')}`,
      sql`
        select count(*) filter (where status = 'won'), count(*) filter (where status = 'lost'), sum(amount) filter (where status = 'won'),
               avg(extract(epoch from closed_at - created_at)) filter (where status = 'won') / 86400
        from deals where status <> 'open' and closed_at >= ${at.previousFrom} and closed_at < ${at.from} and ${ownedBy(scope, 'owner_id')}`,
    ];
  },
};

/** By hand: per source, leads and their outcome, and closed deals, for the year and the year before. */
export const sourcesCase: ReportBenchCase = {
  report: 'sources',
  run: (ctx, filters) => sourcesReport(ctx, filters),
  handWritten(scope) {
    const at = instants(scope);
    return [
      sql`
        select source_id, created_at >= ${at.from}, count(*), count(*) filter (where status = 'converted'), count(*) filter (where status = 'junk')
        from leads where created_at >= ${at.previousFrom} and created_at < ${at.to} and ${ownedBy(scope, 'owner_id')}
        group by 1, 2`,
      sql`
        select source_id, closed_at >= ${at.from}, count(*) filter (where status = 'won'), count(*) filter (where status = 'lost'), sum(amount) filter (where status = 'won')
        from deals where status <> 'open' and closed_at >= ${at.previousFrom} and closed_at < ${at.to} and ${ownedBy(scope, 'owner_id')}
        group by 1, 2`,
    ];
  },
};

/** By hand: lost deals of the year and the year before by reason and by the stage they were lost from. */
export const lossesCase: ReportBenchCase = {
  report: 'losses',
  run: (ctx, filters) => lossReasonsReport(ctx, filters),
  handWritten(scope) {
    const at = instants(scope);
    return [
      sql`
        select d.closed_at >= ${at.from}, d.loss_reason_id, d.lost_from_stage_id, count(*), sum(d.amount)
        from deals d
        where d.status = 'lost' and d.closed_at >= ${at.previousFrom} and d.closed_at < ${at.to} and ${ownedBy(scope, 'd.owner_id')}
        group by grouping sets ((1), (1, 2), (1, 3), (1, 2, 3))`,
    ];
  },
};

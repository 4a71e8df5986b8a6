/**
 * Activities of every lead and deal, streamed in one COPY. While writing, it keeps what the
 * leads and deals rows need (first touch, open-task count, next due date, last activity) and a
 * per-manager tally of recent calls and meetings for the targets, so those rows agree exactly
 * with the activity rows without a second read.
 */
import { MINUTE, toVirtual } from './business-clock';
import { ActivityBuffer, dealActivities, leadActivities, type ActivityRecord, type WorkWindow } from './activities';
import type { BulkSession } from './bulk-loader';
import type { SeedContext } from './context';
import { NULL, ref, text, ts } from './copy-text';
import { DEAL_OPEN } from './deal-path';
import type { DealsPlan } from './deals-plan';
import { LEAD_CONVERTED, LEAD_JUNK, LEAD_STATUS_NAMES, type LeadsPlan } from './leads-plan';
import { monthIndex, type Month } from './months';
import { Rng, STREAM } from './random';

export const ACTIVITY_COLUMNS = [
  'id', 'kind', 'subject', 'body', 'due_at', 'done_at', 'result', 'direction', 'duration_sec', 'owner_id',
  'deal_id', 'lead_id', 'contact_id', 'company_id', 'created_by', 'created_at', 'updated_at', 'version',
] as const;

export interface ActivitySummaries {
  dealOpenTasks: Uint16Array;
  /** Real ms, NaN = none. */
  dealNextDue: Float64Array;
  dealLastActivity: Float64Array;
  leadFirstActivity: Float64Array;
  /** [(userId * months + month) * 2 + (0 calls | 1 meetings)] done in each recent month. */
  tally: Int32Array;
  months: readonly Month[];
}

function activityRow(id: number, a: ActivityRecord, owner: number, deal: number, lead: number, contact: number, company: number): string {
  const done = !Number.isNaN(a.doneAt);
  return (
    `${id}\t${a.kind}\t${text(a.subject)}\t${text(a.body)}\t${ts(a.dueAt)}\t${ts(a.doneAt)}\t${text(a.result)}\t` +
    `${a.direction ?? NULL}\t${a.durationSec < 0 ? NULL : a.durationSec}\t${owner}\t${ref(deal)}\t${ref(lead)}\t` +
    `${ref(contact)}\t${ref(company)}\t${owner}\t${ts(a.createdAt)}\t${ts(done ? a.doneAt : a.createdAt)}\t${done && a.kind === 'task' ? 2 : 1}`
  );
}

export async function loadActivities(
  ctx: SeedContext,
  session: BulkSession,
  deals: DealsPlan,
  leads: LeadsPlan,
  months: readonly Month[],
): Promise<{ rows: number; summaries: ActivitySummaries }> {
  const userSlots = ctx.staff.roster.length + 1;
  const summaries: ActivitySummaries = {
    dealOpenTasks: new Uint16Array(deals.count),
    dealNextDue: new Float64Array(deals.count).fill(NaN),
    dealLastActivity: new Float64Array(deals.count).fill(NaN),
    leadFirstActivity: new Float64Array(leads.count).fill(NaN),
    tally: new Int32Array(userSlots * months.length * 2),
    months,
  };
  const rng = new Rng();
  const buffer = new ActivityBuffer();
  const window: WorkWindow = { vFrom: 0, vTo: 0, vNow: ctx.vNow, today: ctx.today };
  const horizon = ctx.vNow - MINUTE;
  let id = 0;

  const tally = (a: ActivityRecord, owner: number) => {
    if (Number.isNaN(a.doneAt) || (a.kind !== 'call' && a.kind !== 'meeting')) return;
    const m = monthIndex(months, a.doneAt);
    if (m < 0) return;
    const slot = (owner * months.length + m) * 2 + (a.kind === 'call' ? 0 : 1);
    summaries.tally[slot] = summaries.tally[slot]! + 1;
  };

  const rows = await session.copy('activities', ACTIVITY_COLUMNS, async (w) => {
    for (let i = 0; i < leads.count; i++) {
      const status = leads.status[i]!;
      const ended = status === LEAD_CONVERTED || status === LEAD_JUNK;
      window.vFrom = leads.vCreated[i]!;
      window.vTo = Math.max(window.vFrom, ended ? leads.vEnd[i]! : horizon);
      rng.at(ctx.seed, STREAM.leadActivity, i);
      leadActivities(rng, buffer, window, { status: LEAD_STATUS_NAMES[status]!, mean: ctx.params.leadActivityMean });
      const owner = leads.owner[i]!;
      let first = NaN;
      let flush = false;
      for (let k = 0; k < buffer.length; k++) {
        const a = buffer.items[k]!;
        if (!Number.isNaN(a.doneAt) && !(a.doneAt >= first)) first = a.doneAt;
        tally(a, owner);
        flush = w.push(activityRow(++id, a, owner, 0, i + 1, 0, 0)) || flush;
      }
      summaries.leadFirstActivity[i] = first;
      if (flush) await w.drain();
    }

    for (let d = 0; d < deals.count; d++) {
      const open = deals.status[d] === DEAL_OPEN;
      window.vFrom = deals.vCreated[d]!;
      window.vTo = Math.max(window.vFrom, open ? horizon : toVirtual(deals.closedAt[d]!));
      rng.at(ctx.seed, STREAM.dealActivity, d);
      dealActivities(rng, buffer, window, { open, firstStage: deals.position[d] === 0, mean: ctx.params.dealActivityMean });
      const owner = deals.owner[d]!;
      const contact = deals.contact[d]! + 1;
      const company = deals.company[d]! + 1;
      let openTasks = 0;
      let nextDue = NaN;
      let last = NaN;
      let flush = false;
      for (let k = 0; k < buffer.length; k++) {
        const a = buffer.items[k]!;
        if (Number.isNaN(a.doneAt)) {
          if (!Number.isNaN(a.dueAt)) {
            openTasks++;
            if (!(a.dueAt >= nextDue)) nextDue = a.dueAt;
          }
        }
        const touched = Number.isNaN(a.doneAt) ? a.createdAt : Math.max(a.createdAt, a.doneAt);
        if (!(touched <= last)) last = touched;
        tally(a, owner);
        flush = w.push(activityRow(++id, a, owner, d + 1, 0, contact, company)) || flush;
      }
      summaries.dealOpenTasks[d] = openTasks;
      summaries.dealNextDue[d] = nextDue;
      summaries.dealLastActivity[d] = last;
      if (flush) await w.drain();
    }
  });
  return { rows, summaries };
}

/**
 * The work done on one deal or one lead: calls, e-mails, meetings, notes, tasks. Done work lies
 * between the item's creation and its end (close / conversion / now); open tasks exist only on
 * open items, and open deals are deliberately "dirty" in places (untouched new deals, deals with
 * no next task, overdue tasks) so the Today screen and the hygiene board have something to show.
 */
import { DAY, HOUR, MINUTE, mskDayStart, toReal } from './business-clock';
import type { Rng } from './random';
import {
  CALL_IN_SUBJECTS,
  CALL_OUT_SUBJECTS,
  CALL_RESULTS,
  EMAIL_IN_SUBJECTS,
  EMAIL_OUT_SUBJECTS,
  LEAD_TASK_SUBJECTS,
  MEETING_RESULTS,
  MEETING_SUBJECTS,
  NOTE_BODIES,
  NOTE_SUBJECTS,
  TASK_SUBJECTS,
} from './vocabulary-sales';

export type ActivityKind = 'call' | 'meeting' | 'email' | 'task' | 'note';

export interface ActivityRecord {
  kind: ActivityKind;
  subject: string;
  body: string | null;
  /** Real UTC ms; NaN = null. */
  dueAt: number;
  doneAt: number;
  createdAt: number;
  result: string | null;
  direction: 'in' | 'out' | null;
  /** -1 = null. */
  durationSec: number;
}

/** Reusable records: a deal's activities are rebuilt for every deal without allocating. */
export class ActivityBuffer {
  readonly items: ActivityRecord[] = [];
  length = 0;

  clear(): void {
    this.length = 0;
  }

  add(): ActivityRecord {
    let item = this.items[this.length];
    if (!item) {
      item = { kind: 'note', subject: '', body: null, dueAt: NaN, doneAt: NaN, createdAt: 0, result: null, direction: null, durationSec: -1 };
      this.items.push(item);
    }
    this.length++;
    item.body = null;
    item.dueAt = NaN;
    item.doneAt = NaN;
    item.result = null;
    item.direction = null;
    item.durationSec = -1;
    return item;
  }
}

/** What the open work on an item looks like at `now`. */
const HYGIENE_UNTOUCHED = 0;
const HYGIENE_NO_TASK = 1;
const HYGIENE_OVERDUE = 2;
const HYGIENE_OK = 3;

export interface WorkWindow {
  /** Virtual times: the item's creation and the end of work on it (close, conversion or now). */
  vFrom: number;
  vTo: number;
  vNow: number;
  /** Moscow day number of now. */
  today: number;
}

const times: number[] = [];

function sortedTimes(rng: Rng, n: number, from: number, to: number): number[] {
  times.length = 0;
  for (let i = 0; i < n; i++) times.push(from + Math.floor(rng.next() * (to - from)));
  times.sort((a, b) => a - b);
  return times;
}

/** One piece of finished work at virtual time v. */
function doneActivity(rng: Rng, buffer: ActivityBuffer, v: number, vFrom: number, kindRoll: number, forLead: boolean): void {
  const a = buffer.add();
  const real = toReal(v);
  a.doneAt = real;
  a.createdAt = real;
  if (kindRoll < 0.45) {
    a.kind = 'call';
    const outgoing = rng.chance(0.75);
    a.direction = outgoing ? 'out' : 'in';
    a.subject = rng.pick(outgoing ? CALL_OUT_SUBJECTS : CALL_IN_SUBJECTS);
    if (outgoing && rng.chance(0.2)) {
      a.result = 'Не дозвонился';
      a.durationSec = 0;
    } else {
      a.result = rng.pick(CALL_RESULTS);
      a.durationSec = Math.round(Math.min(3600, Math.max(15, rng.logNormal(180, 0.8))));
    }
  } else if (kindRoll < 0.65) {
    a.kind = 'email';
    const outgoing = rng.chance(0.7);
    a.direction = outgoing ? 'out' : 'in';
    a.subject = rng.pick(outgoing ? EMAIL_OUT_SUBJECTS : EMAIL_IN_SUBJECTS);
  } else if (kindRoll < 0.75 && !forLead) {
    a.kind = 'meeting';
    a.subject = rng.pick(MEETING_SUBJECTS);
    a.result = rng.pick(MEETING_RESULTS);
    a.dueAt = real;
    a.createdAt = toReal(Math.max(vFrom, v - rng.next() * 4 * DAY));
  } else if (kindRoll < 0.85) {
    a.kind = 'note';
    a.subject = rng.pick(NOTE_SUBJECTS);
    a.body = rng.pick(NOTE_BODIES);
  } else {
    a.kind = 'task';
    a.subject = rng.pick(forLead ? LEAD_TASK_SUBJECTS : TASK_SUBJECTS);
    const vCreated = Math.max(vFrom, v - (0.2 + rng.next() * 3) * DAY);
    a.createdAt = toReal(vCreated);
    a.dueAt = toReal(vCreated + (0.1 + rng.next() * 2) * DAY);
    a.result = rng.chance(0.5) ? 'Выполнено' : null;
  }
}

/** One planned, not yet done task (or planned call / meeting) on an open item. */
function openTask(rng: Rng, buffer: ActivityBuffer, w: WorkWindow, vAfter: number, due: 'overdue' | 'today' | 'future', forLead: boolean): void {
  const a = buffer.add();
  const roll = rng.next();
  if (forLead || roll < 0.6) {
    a.kind = 'task';
    a.subject = rng.pick(forLead ? LEAD_TASK_SUBJECTS : TASK_SUBJECTS);
  } else if (roll < 0.9) {
    a.kind = 'call';
    a.direction = 'out';
    a.subject = rng.pick(CALL_OUT_SUBJECTS);
  } else {
    a.kind = 'meeting';
    a.subject = rng.pick(MEETING_SUBJECTS);
  }
  const vCreated = vAfter + Math.floor(rng.next() * Math.max(0, w.vNow - MINUTE - vAfter));
  a.createdAt = toReal(vCreated);
  if (due === 'overdue') {
    a.dueAt = Math.max(a.createdAt + 15 * MINUTE, toReal(w.vNow - rng.logNormal(1.5, 1) * DAY));
  } else if (due === 'today') {
    a.dueAt = Math.max(a.createdAt + 30 * MINUTE, mskDayStart(w.today) + 9 * HOUR + Math.floor(rng.next() * 10 * HOUR));
  } else {
    a.dueAt = Math.max(a.createdAt + HOUR, toReal(w.vNow + (0.1 + rng.logNormal(2, 0.8)) * DAY));
  }
  a.dueAt -= a.dueAt % 1000;
}

/** Open work by hygiene category: none, an overdue task (sometimes plus a next one), or a next task. */
function openWork(rng: Rng, buffer: ActivityBuffer, w: WorkWindow, hygiene: number, vAfter: number, forLead: boolean): void {
  if (hygiene === HYGIENE_OVERDUE) {
    openTask(rng, buffer, w, vAfter, 'overdue', forLead);
    if (rng.chance(0.3)) openTask(rng, buffer, w, vAfter, 'future', forLead);
  } else if (hygiene === HYGIENE_OK) {
    openTask(rng, buffer, w, vAfter, rng.chance(0.25) ? 'today' : 'future', forLead);
    if (rng.chance(0.15)) openTask(rng, buffer, w, vAfter, 'future', forLead);
  }
}

export interface DealWork {
  open: boolean;
  /** The deal sits in its pipeline's first stage. */
  firstStage: boolean;
  mean: number;
}

export function dealActivities(rng: Rng, buffer: ActivityBuffer, w: WorkWindow, deal: DealWork): void {
  buffer.clear();
  let hygiene = HYGIENE_OK;
  if (deal.open) {
    if (deal.firstStage && rng.chance(0.3)) hygiene = HYGIENE_UNTOUCHED;
    else {
      const roll = rng.next();
      hygiene = roll < 0.13 ? HYGIENE_NO_TASK : roll < 0.27 ? HYGIENE_OVERDUE : HYGIENE_OK;
    }
  }
  if (hygiene === HYGIENE_UNTOUCHED) return;
  const lifetime = (w.vTo - w.vFrom) / DAY;
  const mean = deal.mean * Math.min(2, Math.max(0.35, 0.35 + lifetime / 20));
  const n = Math.max(deal.open ? 0 : 1, rng.poisson(mean));
  const at = sortedTimes(rng, n, w.vFrom, w.vTo).slice();
  for (const v of at) doneActivity(rng, buffer, v, w.vFrom, rng.next(), false);
  if (deal.open) openWork(rng, buffer, w, hygiene, at.length ? at[at.length - 1]! : w.vFrom, false);
}

export interface LeadWork {
  status: 'new' | 'in_progress' | 'converted' | 'junk';
  mean: number;
}

export function leadActivities(rng: Rng, buffer: ActivityBuffer, w: WorkWindow, lead: LeadWork): void {
  buffer.clear();
  if (lead.status === 'new') {
    // The automatic first task: call the person within 15 minutes.
    if (rng.chance(0.7)) {
      const a = buffer.add();
      a.kind = 'task';
      a.subject = LEAD_TASK_SUBJECTS[0];
      a.createdAt = toReal(w.vFrom);
      a.dueAt = a.createdAt + 15 * MINUTE;
    }
    return;
  }
  let n: number;
  if (lead.status === 'junk') n = rng.chance(0.45) ? 0 : Math.max(1, rng.poisson(lead.mean * 0.8));
  else if (lead.status === 'converted') n = Math.max(1, rng.poisson(lead.mean * 1.3));
  else n = Math.max(1, rng.poisson(lead.mean));
  let last = w.vFrom;
  if (n > 0) {
    // First touch soon after the lead came in; the rest spread until the lead's end.
    const span = w.vTo - w.vFrom;
    const first = w.vFrom + Math.min(span * rng.next(), rng.logNormal(0.05, 1.2) * DAY);
    doneActivity(rng, buffer, first, w.vFrom, rng.next() * 0.65, true);
    last = first;
    for (const v of sortedTimes(rng, n - 1, first, w.vTo)) {
      doneActivity(rng, buffer, v, w.vFrom, rng.next() < 0.9 ? rng.next() * 0.65 : 0.8, true);
      last = v;
    }
  }
  if (lead.status === 'in_progress') {
    const roll = rng.next();
    const hygiene = roll < 0.15 ? HYGIENE_NO_TASK : roll < 0.4 ? HYGIENE_OVERDUE : HYGIENE_OK;
    openWork(rng, buffer, w, hygiene, last, true);
  }
}

/**
 * Value lists of the domain, free of any database code so that browser bundles (forms, badges,
 * language switch) can import them without pulling in the query builder.
 */
export const ROLES = ['manager', 'head', 'executive', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const LOCALES = ['ru', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const STAGE_KINDS = ['open', 'won', 'lost'] as const;
export type StageKind = (typeof STAGE_KINDS)[number];

export const DEAL_STATUSES = ['open', 'won', 'lost'] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];

export const LEAD_STATUSES = ['new', 'in_progress', 'converted', 'junk'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

export const ACTIVITY_KINDS = ['call', 'meeting', 'email', 'task', 'note'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const DIRECTIONS = ['in', 'out'] as const;

export const PROPOSAL_STATUSES = ['draft', 'sent', 'accepted', 'rejected'] as const;
export const INVOICE_STATUSES = ['draft', 'issued', 'paid', 'cancelled'] as const;

export const TARGET_METRICS = ['revenue', 'won_deals', 'new_deals', 'calls', 'meetings'] as const;
export type TargetMetric = (typeof TARGET_METRICS)[number];

export const ABSENCE_KINDS = ['vacation', 'sick_leave', 'day_off', 'business_trip'] as const;
export type AbsenceKind = (typeof ABSENCE_KINDS)[number];

/** Working hours: ISO weekdays (1 = Monday … 7 = Sunday) and a [from, to) time of day, "HH:MM". */
export interface WorkSchedule {
  days: number[];
  from: string;
  to: string;
}

export const MERGE_ENTITIES = ['lead', 'contact', 'company'] as const;
export type MergeEntity = (typeof MERGE_ENTITIES)[number];

/**
 * Exceptions of the production calendar to the Monday–Friday week: a public holiday (or a
 * transferred day off), a weekend worked instead, a working day shortened before a holiday.
 */
export const CALENDAR_DAY_KINDS = ['holiday', 'working', 'shortened'] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

import { z } from 'zod';
import { CHURN_WINDOW_DAYS } from '@/lib/analytics/churn-window';

/** IANA time zones the runtime knows (reports and hygiene compute days in it). */
const timeZone = z.string().refine((value) => value === 'UTC' || Intl.supportedValuesOf('timeZone').includes(value), { error: 'must be an IANA time zone such as Europe/Moscow' });
const currency = z.string().trim().toUpperCase().refine((value) => /^[A-Z]{3}$/.test(value) && Intl.supportedValuesOf('currency').includes(value), { error: 'must be an ISO 4217 currency code such as RUB' });

/** A requisite as typed: blank means none (null); otherwise it must match its format. */
const requisite = (pattern: RegExp, format: string, max = 200) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? null : value), z.string().trim().max(max).regex(pattern, { error: format }).nullable()).optional();

/** The seller's requisites printed on offers and invoices (Russian formats: INN, KPP, OGRN, BIC, accounts). */
export const SELLER_REQUISITES = {
  inn: requisite(/^(\d{10}|\d{12})$/, 'must be 10 or 12 digits'),
  kpp: requisite(/^\d{9}$/, 'must be 9 digits'),
  ogrn: requisite(/^(\d{13}|\d{15})$/, 'must be 13 or 15 digits'),
  legalAddress: requisite(/\S/, 'must not be blank', 500),
  bankName: requisite(/\S/, 'must not be blank'),
  bankBik: requisite(/^\d{9}$/, 'must be 9 digits'),
  bankAccount: requisite(/^\d{20}$/, 'must be 20 digits'),
  bankCorrAccount: requisite(/^\d{20}$/, 'must be 20 digits'),
  phone: requisite(/^[+\d][\d\s()-]{4,30}$/, 'must be a phone number'),
  email: requisite(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'must be an e-mail address'),
};
export type SellerRequisite = keyof typeof SELLER_REQUISITES;

/**
 * The organisation's settings an admin edits; `version` is the one the form was opened with and a
 * field left out stays as it is.
 */
export const updateOrganisationSettingsInput = z.object({
  version: z.number().int().positive(),
  name: z.string().trim().min(1).max(200).optional(),
  timeZone: timeZone.optional(),
  currency: currency.optional(),
  churnWindowDays: z.number().int().min(CHURN_WINDOW_DAYS.min).max(CHURN_WINDOW_DAYS.max).optional(),
  /** The first task of a new lead is due this many minutes after it arrives (0 … 7 days). */
  firstTaskDelayMinutes: z.number().int().min(0).max(10_080).optional(),
  /** A distributed lead untouched this long goes to the next manager (1 minute … 7 days). */
  leadResponseSlaMinutes: z.number().int().min(1).max(10_080).optional(),
  ...SELLER_REQUISITES,
});
export type UpdateOrganisationSettingsInput = z.input<typeof updateOrganisationSettingsInput>;

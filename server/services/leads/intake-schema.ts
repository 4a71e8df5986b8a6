import { z } from 'zod';

/** Markup has no business in a lead: refused rather than stored and shown somewhere later. */
const NO_MARKUP = /<\s*\/?\s*[a-z!][^>]*>/i;

const text = (max: number) =>
  z
    .string({ error: 'expected a string' })
    .trim()
    .max(max, { error: `at most ${max} characters` })
    .refine((value) => !NO_MARKUP.test(value), { error: 'HTML is not allowed' })
    .nullish()
    .transform((value) => value || null);

/**
 * A lead posted by a website form or an integration (POST /api/v1/leads). Field names are the
 * public API's; the team may come from the API key instead.
 */
export const intakeLeadInput = z
  .object({
    name: text(200),
    phone: text(40),
    email: z
      .string({ error: 'expected a string' })
      .trim()
      .toLowerCase()
      .max(254, { error: 'at most 254 characters' })
      .pipe(z.email({ error: 'not a valid e-mail address' }))
      .nullish()
      .or(z.literal('').transform(() => null))
      .transform((value) => value || null),
    company: text(300),
    comment: text(5000),
    title: text(300),
    /** A lead source code as the admin named it (e.g. "website", "yandex_direct"). */
    source: text(100),
    utm_source: text(300),
    utm_medium: text(300),
    utm_campaign: text(300),
    utm_content: text(300),
    utm_term: text(300),
    team: z.number({ error: 'expected a team id (a whole number)' }).int().positive().nullish(),
  })
  .strict()
  .refine((lead) => Boolean(lead.phone || lead.email || lead.name || lead.company), {
    path: ['phone'],
    error: 'give at least a name, a company, a phone or an e-mail',
  });
export type IntakeLeadInput = z.input<typeof intakeLeadInput>;
export type IntakeLead = z.output<typeof intakeLeadInput>;

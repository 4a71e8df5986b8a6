import { z } from 'zod';

/*
 * The "new lead" form's schema, on its own so the form does not load the conversion's client
 * schemas (and their phone numbering plans): the phone is checked on the server.
 */

const id = z.number().int().positive();
const optionalText = (max: number) => z.string().trim().max(max).nullish().transform((value) => value || null);

/** A lead entered by hand (the web-form intake shares these fields). */
export const createLeadInput = z
  .object({
    title: optionalText(300),
    personName: optionalText(200),
    phone: optionalText(40),
    email: z.string().trim().toLowerCase().pipe(z.email({ error: 'not a valid e-mail address' })).nullish().transform((value) => value || null),
    companyName: optionalText(300),
    comment: optionalText(5000),
    sourceId: id.nullish(),
    /** A head may hand the new lead straight to a team member. */
    ownerId: id.optional(),
  })
  .refine((lead) => Boolean(lead.phone || lead.email || lead.personName || lead.companyName), {
    path: ['phone'],
    error: 'give at least a name, a company, a phone or an e-mail',
  });
export type CreateLeadInput = z.input<typeof createLeadInput>;

import { check, date, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { id, timestamps, versioned } from './columns';
import { users } from './users';

/** Legal entities. Phones / e-mails are kept as entered plus normalised arrays for duplicate search. */
export const companies = pgTable(
  'companies',
  {
    id: id(),
    name: text('name').notNull(),
    inn: text('inn'),
    industry: text('industry'),
    region: text('region'),
    address: text('address'),
    website: text('website'),
    phones: text('phones').array().notNull().default(sql`'{}'::text[]`),
    emails: text('emails').array().notNull().default(sql`'{}'::text[]`),
    phonesNormalized: text('phones_normalized').array().notNull().default(sql`'{}'::text[]`),
    emailsNormalized: text('emails_normalized').array().notNull().default(sql`'{}'::text[]`),
    segment: text('segment'),
    notes: text('notes'),
    ownerId: integer('owner_id')
      .notNull()
      .references(() => users.id),
    ...timestamps,
    ...versioned,
  },
  (t) => [
    check('companies_inn_check', sql`${t.inn} is null or ${t.inn} ~ '^([0-9]{10}|[0-9]{12})$'`),
    index('companies_owner_idx').on(t.ownerId),
    index('companies_inn_idx').on(t.inn),
    index('companies_name_idx').on(sql`lower(${t.name})`),
    index('companies_phones_idx').using('gin', t.phonesNormalized),
    index('companies_emails_idx').using('gin', t.emailsNormalized),
    index('companies_created_idx').on(t.createdAt),
  ],
);

export const contacts = pgTable(
  'contacts',
  {
    id: id(),
    lastName: text('last_name').notNull(),
    firstName: text('first_name'),
    middleName: text('middle_name'),
    position: text('position'),
    phones: text('phones').array().notNull().default(sql`'{}'::text[]`),
    emails: text('emails').array().notNull().default(sql`'{}'::text[]`),
    phonesNormalized: text('phones_normalized').array().notNull().default(sql`'{}'::text[]`),
    emailsNormalized: text('emails_normalized').array().notNull().default(sql`'{}'::text[]`),
    birthday: date('birthday'),
    companyId: integer('company_id').references(() => companies.id, { onDelete: 'set null' }),
    ownerId: integer('owner_id')
      .notNull()
      .references(() => users.id),
    notes: text('notes'),
    ...timestamps,
    ...versioned,
  },
  (t) => [
    index('contacts_owner_idx').on(t.ownerId),
    index('contacts_company_idx').on(t.companyId),
    index('contacts_phones_idx').using('gin', t.phonesNormalized),
    index('contacts_emails_idx').using('gin', t.emailsNormalized),
    // Birthdays on the Today screen: month * 100 + day per owner.
    index('contacts_owner_birthday_idx').on(
      t.ownerId,
      sql`((extract(month from ${t.birthday}) * 100 + extract(day from ${t.birthday}))::int)`,
    ),
    index('contacts_created_idx').on(t.createdAt),
  ],
);

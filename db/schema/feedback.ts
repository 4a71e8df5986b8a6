import { check, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { id, timestamps, versioned } from './columns';
import { users } from './users';
import { deals } from './deals';
import { companies, contacts } from './clients';

export const feedback = pgTable(
  'feedback',
  {
    id: id(),
    dealId: integer('deal_id').references(() => deals.id, { onDelete: 'set null' }),
    companyId: integer('company_id').references(() => companies.id, { onDelete: 'set null' }),
    contactId: integer('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    sentiment: text('sentiment', { enum: ['positive', 'negative'] }).notNull(),
    text: text('text').notNull(),
    ownerId: integer('owner_id')
      .notNull()
      .references(() => users.id),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: integer('created_by').references(() => users.id),
    ...timestamps,
    ...versioned,
  },
  (t) => [
    check('feedback_sentiment_check', sql`${t.sentiment} in ('positive', 'negative')`),
    check('feedback_subject_check', sql`coalesce(${t.dealId}, ${t.companyId}, ${t.contactId}) is not null`),
    index('feedback_deal_idx').on(t.dealId),
    index('feedback_company_idx').on(t.companyId),
    index('feedback_owner_idx').on(t.ownerId, t.receivedAt),
  ],
);

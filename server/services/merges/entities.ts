import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { companies, contacts, leads } from '@/db/schema';
import type { Permission } from '@/server/auth/permissions';
import { ownedWithin } from '@/server/auth/row-scope';
import type { SessionUser } from '@/server/auth/session-user';
import type { MergeEntity, MergeField } from './schemas';

interface EntityConfig<E extends MergeEntity> {
  /** The table's name in the database. */
  table: string;
  permission: Permission;
  /** How the entity is named in messages ("Lead not found"). */
  noun: string;
  /** The database columns each choosable field stands for: a phone travels with its normalised form. */
  columns: Record<MergeField<E>, string[]>;
}

export const MERGE_ENTITY_CONFIG: { [E in MergeEntity]: EntityConfig<E> } = {
  lead: {
    table: 'leads',
    permission: 'lead.update',
    noun: 'Lead',
    columns: {
      title: [leads.title.name],
      personName: [leads.personName.name],
      phone: [leads.phone.name, leads.phoneNormalized.name],
      email: [leads.email.name, leads.emailNormalized.name],
      companyName: [leads.companyName.name],
      sourceId: [leads.sourceId.name],
      utm: [leads.utmSource.name, leads.utmMedium.name, leads.utmCampaign.name, leads.utmContent.name, leads.utmTerm.name],
      comment: [leads.comment.name],
      // A lead's team is the owner's team when it was assigned: they go together.
      ownerId: [leads.ownerId.name, leads.teamId.name],
    },
  },
  contact: {
    table: 'contacts',
    permission: 'client.update',
    noun: 'Contact',
    columns: {
      lastName: [contacts.lastName.name],
      firstName: [contacts.firstName.name],
      middleName: [contacts.middleName.name],
      position: [contacts.position.name],
      birthday: [contacts.birthday.name],
      companyId: [contacts.companyId.name],
      notes: [contacts.notes.name],
      ownerId: [contacts.ownerId.name],
    },
  },
  company: {
    table: 'companies',
    permission: 'client.update',
    noun: 'Company',
    columns: {
      name: [companies.name.name],
      inn: [companies.inn.name],
      industry: [companies.industry.name],
      region: [companies.region.name],
      address: [companies.address.name],
      website: [companies.website.name],
      segment: [companies.segment.name],
      notes: [companies.notes.name],
      ownerId: [companies.ownerId.name],
    },
  },
};

/** A merged record as drizzle reads it (camelCase), whatever its entity. */
export type MergeRecordRow = Record<string, unknown> & { id: number; version: number; ownerId: number | null };

/** The records of a merge that lie in the actor's scope, locked in id order (two merges never deadlock). */
export async function lockRecordsInScope(tx: Database, actor: SessionUser, entity: MergeEntity, ids: number[]): Promise<MergeRecordRow[]> {
  switch (entity) {
    case 'lead':
      return tx.select().from(leads).where(and(inArray(leads.id, ids), ownedWithin(actor, leads.ownerId))).orderBy(leads.id).for('update');
    case 'contact':
      return tx.select().from(contacts).where(and(inArray(contacts.id, ids), ownedWithin(actor, contacts.ownerId))).orderBy(contacts.id).for('update');
    case 'company':
      return tx.select().from(companies).where(and(inArray(companies.id, ids), ownedWithin(actor, companies.ownerId))).orderBy(companies.id).for('update');
  }
}

/** One record by id, locked, whatever its owner (the undo checks authorship instead of scope). */
export async function lockRecord(tx: Database, entity: MergeEntity, id: number): Promise<MergeRecordRow | undefined> {
  const rows: MergeRecordRow[] = await (() => {
    switch (entity) {
      case 'lead':
        return tx.select().from(leads).where(eq(leads.id, id)).for('update');
      case 'contact':
        return tx.select().from(contacts).where(eq(contacts.id, id)).for('update');
      case 'company':
        return tx.select().from(companies).where(eq(companies.id, id)).for('update');
    }
  })();
  return rows[0];
}

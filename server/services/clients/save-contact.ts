import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { contacts } from '@/db/schema';
import { ownedWithin } from '@/server/auth/row-scope';
import type { ServiceContext } from '../context';
import { diffFields, writeAudit } from '../audit';
import { notFound, ServiceError } from '../errors';
import { searchableContacts } from './normalize';
import { requireClientEditor } from './require-editor';
import { requireVisibleCompany } from './visibility';
import { createContactInput, updateContactInput } from './schemas';

export async function createContact(ctx: ServiceContext, rawInput: z.input<typeof createContactInput>) {
  requireClientEditor(ctx);
  const fields = createContactInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    await requireVisibleCompany(tx, ctx.actor, fields.companyId);
    const [row] = await tx
      .insert(contacts)
      .values({ ...fields, ...searchableContacts(fields), ownerId: ctx.actor.id })
      .returning({ id: contacts.id, version: contacts.version });
    await writeAudit(tx, {
      actorId: ctx.actor.id,
      action: 'contact.create',
      entityType: 'contact',
      entityId: row!.id,
      changes: diffFields({}, fields),
    });
    return row!;
  });
}

export async function updateContact(ctx: ServiceContext, rawInput: z.input<typeof updateContactInput>) {
  requireClientEditor(ctx);
  const { id, version, ...fields } = updateContactInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(contacts)
      .where(and(eq(contacts.id, id), ownedWithin(ctx.actor, contacts.ownerId)))
      .for('update');
    if (!current) throw notFound('Contact');
    if (current.version !== version) {
      throw new ServiceError('CONFLICT', 'The contact was changed by someone else', { currentVersion: current.version });
    }
    if (fields.companyId !== undefined) await requireVisibleCompany(tx, ctx.actor, fields.companyId);
    const changes = diffFields(current, fields);
    if (Object.keys(changes).length === 0) return { id, version };
    await tx
      .update(contacts)
      .set({ ...fields, ...searchableContacts(fields), version: version + 1, updatedAt: new Date() })
      .where(eq(contacts.id, id));
    await writeAudit(tx, {
      actorId: ctx.actor.id,
      action: 'contact.update',
      entityType: 'contact',
      entityId: id,
      changes: { ...changes, version: [version, version + 1] },
    });
    return { id, version: version + 1 };
  });
}

import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { companies } from '@/db/schema';
import { ownedWithin } from '@/server/auth/row-scope';
import type { ServiceContext } from '../context';
import { diffFields, writeAudit } from '../audit';
import { notFound, ServiceError } from '../errors';
import { searchableContacts } from './normalize';
import { requireClientEditor } from './require-editor';
import { createCompanyInput, updateCompanyInput } from './schemas';

/** A new company owned by the actor; phones and e-mails are stored normalised for duplicate search. */
export async function createCompany(ctx: ServiceContext, rawInput: z.input<typeof createCompanyInput>) {
  requireClientEditor(ctx);
  const fields = createCompanyInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(companies)
      .values({ ...fields, ...searchableContacts(fields), ownerId: ctx.actor.id })
      .returning({ id: companies.id, version: companies.version });
    await writeAudit(tx, {
      actorId: ctx.actor.id,
      action: 'company.create',
      entityType: 'company',
      entityId: row!.id,
      changes: diffFields({}, fields),
    });
    return row!;
  });
}

/** Edits a company in scope; a stale version gets CONFLICT and writes nothing. */
export async function updateCompany(ctx: ServiceContext, rawInput: z.input<typeof updateCompanyInput>) {
  requireClientEditor(ctx);
  const { id, version, ...fields } = updateCompanyInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(companies)
      .where(and(eq(companies.id, id), ownedWithin(ctx.actor, companies.ownerId)))
      .for('update');
    if (!current) throw notFound('Company');
    if (current.version !== version) {
      throw new ServiceError('CONFLICT', 'The company was changed by someone else', { currentVersion: current.version });
    }
    const changes = diffFields(current, fields);
    if (Object.keys(changes).length === 0) return { id, version };
    await tx
      .update(companies)
      .set({ ...fields, ...searchableContacts(fields), version: version + 1, updatedAt: new Date() })
      .where(eq(companies.id, id));
    await writeAudit(tx, {
      actorId: ctx.actor.id,
      action: 'company.update',
      entityType: 'company',
      entityId: id,
      changes: { ...changes, version: [version, version + 1] },
    });
    return { id, version: version + 1 };
  });
}

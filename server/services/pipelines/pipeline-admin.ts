import { eq, max } from 'drizzle-orm';
import type { z } from 'zod';
import { pipelines, stages } from '@/db/schema';
import type { ServiceContext } from '../context';
import { writeAudit } from '../audit';
import { notFound, ServiceError } from '../errors';
import { requirePipelineAdmin } from './require-admin';
import { createPipelineInput, renamePipelineInput } from './schemas';

/** The stages every new pipeline starts with: one open, the won and the lost stage. */
const STARTER_STAGES = [
  { name: 'Новая', kind: 'open' as const, probability: 10 },
  { name: 'Успешно', kind: 'won' as const, probability: 100 },
  { name: 'Проиграна', kind: 'lost' as const, probability: 0 },
];

export async function createPipeline(ctx: ServiceContext, rawInput: z.input<typeof createPipelineInput>) {
  requirePipelineAdmin(ctx);
  const input = createPipelineInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    const [{ last } = { last: 0 }] = await tx.select({ last: max(pipelines.sortOrder) }).from(pipelines);
    const [pipeline] = await tx
      .insert(pipelines)
      .values({ name: input.name, sortOrder: (last ?? 0) + 1 })
      .returning({ id: pipelines.id });
    await tx.insert(stages).values(STARTER_STAGES.map((stage, index) => ({ ...stage, pipelineId: pipeline!.id, sortOrder: index + 1 })));
    await writeAudit(tx, {
      actorId: ctx.actor.id,
      action: 'pipeline.create',
      entityType: 'pipeline',
      entityId: pipeline!.id,
      changes: { name: [null, input.name] },
    });
    return pipeline!;
  });
}

export async function renamePipeline(ctx: ServiceContext, rawInput: z.input<typeof renamePipelineInput>) {
  requirePipelineAdmin(ctx);
  const input = renamePipelineInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    const [current] = await tx.select().from(pipelines).where(eq(pipelines.id, input.id)).for('update');
    if (!current) throw notFound('Pipeline');
    if (current.version !== input.version) throw new ServiceError('CONFLICT', 'The pipeline was changed by someone else');
    await tx.update(pipelines).set({ name: input.name, version: input.version + 1, updatedAt: new Date() }).where(eq(pipelines.id, input.id));
    await writeAudit(tx, {
      actorId: ctx.actor.id,
      action: 'pipeline.rename',
      entityType: 'pipeline',
      entityId: input.id,
      changes: { name: [current.name, input.name], version: [input.version, input.version + 1] },
    });
    return { id: input.id, version: input.version + 1 };
  });
}

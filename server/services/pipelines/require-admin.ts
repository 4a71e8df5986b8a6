import { can } from '@/server/auth/permissions';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';

export function requirePipelineAdmin(ctx: ServiceContext) {
  if (!can(ctx.actor.role, 'pipeline.manage')) throw new ServiceError('FORBIDDEN', 'Only an admin may change pipelines');
}

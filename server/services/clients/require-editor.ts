import { can } from '@/server/auth/permissions';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';

export function requireClientEditor(ctx: ServiceContext) {
  if (!can(ctx.actor.role, 'client.update')) throw new ServiceError('FORBIDDEN', 'Your role may not change clients');
}

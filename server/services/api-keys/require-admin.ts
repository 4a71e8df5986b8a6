import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';

/** API keys open the door to the database from outside: only an admin hands them out. */
export function requireKeyAdmin(ctx: ServiceContext): void {
  if (ctx.actor.role !== 'admin') throw new ServiceError('FORBIDDEN', 'Only an admin may manage API keys');
}

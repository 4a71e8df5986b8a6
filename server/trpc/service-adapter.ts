import { TRPCError } from '@trpc/server';
import { ServiceError } from '@/server/services/errors';

/**
 * Runs a service call and maps its deliberate failures to tRPC errors. Unknown errors become
 * INTERNAL_SERVER_ERROR without their message, so internals never leak to the client.
 */
export async function callService<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ServiceError) {
      throw new TRPCError({ code: error.code, message: error.message, cause: error });
    }
    if (error instanceof TRPCError) throw error;
    console.error(error);
    throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Internal error' });
  }
}

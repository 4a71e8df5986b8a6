/** Failures a service reports on purpose; anything else is a bug and stays opaque to callers. */
export type ServiceErrorCode = 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT' | 'BAD_REQUEST';

export class ServiceError extends Error {
  constructor(
    readonly code: ServiceErrorCode,
    message: string,
    /** Extra facts for the client, e.g. the fields that changed under a conflict. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

export const notFound = (entity: string) => new ServiceError('NOT_FOUND', `${entity} not found`);

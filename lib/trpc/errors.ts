import { TRPCClientError } from '@trpc/client';

export interface ConflictChange {
  by: string | null;
  at: string | Date;
  fields: string[];
}

/** The tRPC error code of a failed call ('CONFLICT', 'BAD_REQUEST', …), if it is one. */
export function errorCodeOf(error: unknown): string | undefined {
  return error instanceof TRPCClientError ? (error.data as { code?: string } | undefined)?.code : undefined;
}

/** Per-field messages of a BAD_REQUEST from input validation. */
export function fieldErrorsOf(error: unknown): Record<string, string[]> {
  if (!(error instanceof TRPCClientError)) return {};
  return ((error.data as { fieldErrors?: Record<string, string[]> | null } | undefined)?.fieldErrors ?? {}) as Record<string, string[]>;
}

/** Who changed which fields, from a CONFLICT's details. */
export function conflictChangesOf(error: unknown): ConflictChange[] {
  if (!(error instanceof TRPCClientError)) return [];
  const details = (error.data as { details?: { changes?: ConflictChange[] } | null } | undefined)?.details;
  return details?.changes ?? [];
}

/**
 * The input field a failed call names: from validation's per-field messages, else from a service
 * error's "field: why" message. Forms use it to pick a translated message.
 */
export function failedFieldOf(error: unknown): string | undefined {
  const fromValidation = Object.keys(fieldErrorsOf(error))[0];
  if (fromValidation) return fromValidation;
  if (!(error instanceof TRPCClientError)) return undefined;
  return /^([a-zA-Z]+):/.exec(error.message)?.[1];
}

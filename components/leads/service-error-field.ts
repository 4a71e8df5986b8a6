import { TRPCClientError } from '@trpc/client';

/**
 * The field a service refusal names ("phone: not a valid phone number" → "phone"), so a form can
 * mark it. Input-validation failures carry their fields separately (see fieldErrorsOf).
 */
export function serviceErrorField(error: unknown): string | null {
  if (!(error instanceof TRPCClientError)) return null;
  return /^([A-Za-z][\w.]*):/.exec(error.message)?.[1] ?? null;
}

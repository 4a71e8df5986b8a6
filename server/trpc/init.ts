import { initTRPC } from '@trpc/server';
import superjson from 'superjson';
import type { TrpcContext } from './context';

interface ValidationIssue {
  path: PropertyKey[];
  message: string;
}

function validationIssuesOf(cause: unknown): ValidationIssue[] | null {
  const issues = (cause as { issues?: unknown } | undefined)?.issues;
  return Array.isArray(issues) ? (issues as ValidationIssue[]) : null;
}

/**
 * Bad input answers BAD_REQUEST whose message names each offending field
 * ("amount: must be a non-negative amount…") and whose data carries them per field for forms.
 */
const t = initTRPC.context<TrpcContext>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const issues = error.code === 'BAD_REQUEST' ? validationIssuesOf(error.cause) : null;
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of issues ?? []) {
      const field = issue.path.map(String).join('.') || '(input)';
      (fieldErrors[field] ??= []).push(issue.message);
    }
    const details = (error.cause as { details?: unknown } | undefined)?.details;
    return {
      ...shape,
      message: issues
        ? Object.entries(fieldErrors)
            .map(([field, messages]) => `${field}: ${messages.join(', ')}`)
            .join('; ')
        : shape.message,
      data: {
        ...shape.data,
        fieldErrors: issues ? fieldErrors : null,
        details: details ?? null,
      },
    };
  },
});

export const router = t.router;
export const mergeRouters = t.mergeRouters;
export const middleware = t.middleware;
export const createCallerFactory = t.createCallerFactory;
export const baseProcedure = t.procedure;

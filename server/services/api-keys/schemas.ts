import { z } from 'zod';

/** What a key may do. One scope today; the list is stored per key so more can come. */
export const API_KEY_SCOPES = ['leads:create'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export const DEFAULT_RATE_LIMIT_PER_MINUTE = 600;
export const MAX_RATE_LIMIT_PER_MINUTE = 1_000_000;

export const createApiKeyInput = z.object({
  name: z.string().trim().min(1).max(120),
  scopes: z
    .array(z.enum(API_KEY_SCOPES))
    .min(1)
    .default(['leads:create'])
    .transform((scopes) => [...new Set(scopes)]),
  /** A key tied to a team posts only to it; without a team every post names one. */
  teamId: z.number().int().positive().nullable().default(null),
  rateLimitPerMinute: z.number().int().min(1).max(MAX_RATE_LIMIT_PER_MINUTE).default(DEFAULT_RATE_LIMIT_PER_MINUTE),
});
export type CreateApiKeyInput = z.input<typeof createApiKeyInput>;

export const revokeApiKeyInput = z.object({ id: z.number().int().positive(), version: z.number().int().positive() });
export type RevokeApiKeyInput = z.input<typeof revokeApiKeyInput>;

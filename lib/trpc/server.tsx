import 'server-only';
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { cache } from 'react';
import { appRouter } from '@/server/trpc/root';
import { createRequestContext } from '@/server/trpc/request-context';
import { makeQueryClient } from './query-client';

/** One QueryClient per request, shared by every prefetch in it. */
export const getQueryClient = cache(makeQueryClient);

/** Server components prefetch through the router in-process (no HTTP round trip). */
export const trpc = createTRPCOptionsProxy({
  ctx: createRequestContext,
  router: appRouter,
  queryClient: getQueryClient,
});

export function HydrateClient({ children }: { children: React.ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}

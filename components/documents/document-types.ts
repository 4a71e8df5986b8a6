import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/trpc/root';

type Outputs = inferRouterOutputs<AppRouter>;
export type DealProposal = Outputs['proposals']['byDeal'][number];
export type ProposalVersionView = DealProposal['versions'][number];
export type CatalogueProduct = Outputs['proposals']['products'][number];
export type DealInvoices = Outputs['invoices']['byDeal'];
export type DealFeedbackItem = Outputs['feedback']['byDeal'][number];

export const button = 'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-60';
export const primaryButton = 'rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60';
export const field = 'mt-1 block w-full min-w-0 rounded-md border border-slate-300 px-2 py-1.5 text-sm';

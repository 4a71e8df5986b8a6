import { router, createCallerFactory } from './init';
import { dealsRouter } from '@/server/routers/deals';
import { profileRouter } from '@/server/routers/profile';
import { referenceRouter } from '@/server/routers/reference';
import { companiesRouter, contactsRouter } from '@/server/routers/clients';
import { pipelinesRouter } from '@/server/routers/pipelines';
import { activitiesRouter } from '@/server/routers/activities';
import { hygieneRouter, todayRouter } from '@/server/routers/today';
import { leadsRouter } from '@/server/routers/leads';
import { mergesRouter } from '@/server/routers/merges';
import { distributionRouter } from '@/server/routers/distribution';
import { leadSourcesRouter } from '@/server/routers/lead-sources';
import { apiKeysRouter } from '@/server/routers/api-keys';
import { analyticsRouter } from '@/server/routers/analytics';
import { organisationRouter } from '@/server/routers/organisation';
import { targetsRouter } from '@/server/routers/targets';
import { workCalendarRouter } from '@/server/routers/work-calendar';
import { usersRouter } from '@/server/routers/users';
import { passwordLinksRouter } from '@/server/routers/password-links';
import { referenceListsRouter } from '@/server/routers/reference-lists';
import { productsRouter } from '@/server/routers/products';
import { auditRouter } from '@/server/routers/audit';
import { proposalsRouter } from '@/server/routers/proposals';
import { invoicesRouter } from '@/server/routers/invoices';
import { feedbackRouter } from '@/server/routers/feedback';

export const appRouter = router({
  apiKeys: apiKeysRouter,
  leadSources: leadSourcesRouter,
  deals: dealsRouter,
  profile: profileRouter,
  reference: referenceRouter,
  companies: companiesRouter,
  contacts: contactsRouter,
  pipelines: pipelinesRouter,
  activities: activitiesRouter,
  today: todayRouter,
  hygiene: hygieneRouter,
  leads: leadsRouter,
  merges: mergesRouter,
  distribution: distributionRouter,
  analytics: analyticsRouter,
  organisation: organisationRouter,
  targets: targetsRouter,
  workCalendar: workCalendarRouter,
  users: usersRouter,
  passwordLinks: passwordLinksRouter,
  referenceLists: referenceListsRouter,
  products: productsRouter,
  audit: auditRouter,
  proposals: proposalsRouter,
  invoices: invoicesRouter,
  feedback: feedbackRouter,
});

export type AppRouter = typeof appRouter;

/** In-process caller: server components and tests call procedures without HTTP. */
export const createCaller = createCallerFactory(appRouter);

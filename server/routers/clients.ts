import { router } from '@/server/trpc/init';
import { authedProcedure, operationalProcedure } from '@/server/trpc/procedures';
import { callService } from '@/server/trpc/service-adapter';
import {
  clientByIdInput,
  createCompanyInput,
  createContactInput,
  listClientsInput,
  updateCompanyInput,
  updateContactInput,
} from '@/server/services/clients/schemas';
import { listCompanies } from '@/server/services/clients/list-companies';
import { listContacts } from '@/server/services/clients/list-contacts';
import { getCompany, getContact } from '@/server/services/clients/get-client';
import { createCompany, updateCompany } from '@/server/services/clients/save-company';
import { createContact, updateContact } from '@/server/services/clients/save-contact';

export const companiesRouter = router({
  list: authedProcedure.input(listClientsInput).query(({ ctx, input }) => callService(() => listCompanies(ctx.service, input))),
  byId: authedProcedure.input(clientByIdInput).query(({ ctx, input }) => callService(() => getCompany(ctx.service, input))),
  create: operationalProcedure.input(createCompanyInput).mutation(({ ctx, input }) => callService(() => createCompany(ctx.service, input))),
  update: operationalProcedure.input(updateCompanyInput).mutation(({ ctx, input }) => callService(() => updateCompany(ctx.service, input))),
});

export const contactsRouter = router({
  list: authedProcedure.input(listClientsInput).query(({ ctx, input }) => callService(() => listContacts(ctx.service, input))),
  byId: authedProcedure.input(clientByIdInput).query(({ ctx, input }) => callService(() => getContact(ctx.service, input))),
  create: operationalProcedure.input(createContactInput).mutation(({ ctx, input }) => callService(() => createContact(ctx.service, input))),
  update: operationalProcedure.input(updateContactInput).mutation(({ ctx, input }) => callService(() => updateContact(ctx.service, input))),
});

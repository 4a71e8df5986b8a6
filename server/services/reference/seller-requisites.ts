import { organisation } from '@/db/schema';

/** The seller's requisites as organisation columns: what documents print and the admin edits. */
export const sellerRequisiteColumns = {
  inn: organisation.inn,
  kpp: organisation.kpp,
  ogrn: organisation.ogrn,
  legalAddress: organisation.legalAddress,
  bankName: organisation.bankName,
  bankBik: organisation.bankBik,
  bankAccount: organisation.bankAccount,
  bankCorrAccount: organisation.bankCorrAccount,
  phone: organisation.phone,
  email: organisation.email,
};

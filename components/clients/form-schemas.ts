import { looksLikePhone } from '@/lib/phone-shape';
import { clientFieldSchemas } from '@/server/services/clients/client-fields';

/**
 * The client forms' schemas: the services' own, except that a phone is checked for its shape only
 * (the server checks its numbering plan), so the forms do not load libphonenumber's metadata.
 */
export const { companyFields, contactFields } = clientFieldSchemas(looksLikePhone);

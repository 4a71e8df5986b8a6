import { z } from 'zod';
import { CHURN_WINDOW_DAYS } from '@/lib/analytics/churn-window';

/** The organisation's settings an admin edits; `version` is the one the form was opened with. */
export const updateOrganisationSettingsInput = z.object({
  version: z.number().int().positive(),
  churnWindowDays: z.number().int().min(CHURN_WINDOW_DAYS.min).max(CHURN_WINDOW_DAYS.max),
});
export type UpdateOrganisationSettingsInput = z.input<typeof updateOrganisationSettingsInput>;

import { z } from 'zod';

/** N of the churn report (DESIGN.md §5): from a week to three years; the database checks the same range. */
export const CHURN_WINDOW_DAYS = { min: 7, max: 1095 } as const;

/** The organisation's settings an admin edits; `version` is the one the form was opened with. */
export const updateOrganisationSettingsInput = z.object({
  version: z.number().int().positive(),
  churnWindowDays: z.number().int().min(CHURN_WINDOW_DAYS.min).max(CHURN_WINDOW_DAYS.max),
});
export type UpdateOrganisationSettingsInput = z.input<typeof updateOrganisationSettingsInput>;

/** N of the churn report (DESIGN.md §5): from a week to three years; the database checks the same range. Browser-safe. */
export const CHURN_WINDOW_DAYS = { min: 7, max: 1095 } as const;

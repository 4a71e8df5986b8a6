/** Download formats of lists and reports (a light module: input schemas in the browser import it). */
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

import type { Database } from '../client';

/**
 * A table the database keeps current alongside the rows it summarises (DESIGN.md §7), so reports
 * read it instead of scanning history. Each can be rebuilt from the source rows at any time.
 */
export interface SummaryTable {
  name: string;
  /** Recomputes the table from its source rows inside the given transaction; returns how many rows differed. */
  rebuild(db: Database): Promise<number>;
}

/**
 * One loading session = one transaction on either driver, with COPY as the only way rows get in:
 * PostgreSQL streams `COPY … FROM STDIN`, PGlite reads chunks through `COPY … FROM '/dev/blob'`.
 * Generators push COPY text lines and never know which driver is underneath.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Transaction } from '@electric-sql/pglite';
import type { TransactionSql } from 'postgres';
import type { DatabaseHandle, Driver } from '../client';

export interface RowWriter {
  /** Queues one COPY line (no trailing newline). True means "await drain() before pushing more". */
  push(line: string): boolean;
  drain(): Promise<void>;
}

export interface BulkSession {
  readonly driver: Driver;
  exec(statement: string): Promise<void>;
  query<T>(statement: string): Promise<T[]>;
  /** Loads one table; resolves to the number of rows written. */
  copy(table: string, columns: readonly string[], fill: (writer: RowWriter) => Promise<void>): Promise<number>;
}

export type RowsListener = (table: string, rows: number, finished: boolean) => void;

/** Buffers lines and hands them to `flush` in chunks of roughly `chunkChars`. */
class ChunkedWriter implements RowWriter {
  rows = 0;
  private parts: string[] = [];
  private size = 0;

  constructor(
    private readonly chunkChars: number,
    private readonly flush: (chunk: string) => Promise<void>,
    private readonly onRows: () => void,
  ) {}

  push(line: string): boolean {
    this.parts.push(line);
    this.size += line.length + 1;
    this.rows++;
    return this.size >= this.chunkChars;
  }

  async drain(): Promise<void> {
    if (this.parts.length === 0) return;
    const chunk = this.parts.join('\n') + '\n';
    this.parts = [];
    this.size = 0;
    await this.flush(chunk);
    this.onRows();
  }
}

function columnList(columns: readonly string[]): string {
  return columns.map((c) => `"${c}"`).join(', ');
}

/** Resolves once the chunk has been handed to the socket (or rejects if the stream broke). */
function writeChunk(stream: Writable, chunk: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(chunk, (error) => (error ? reject(error) : resolve()));
  });
}

/**
 * postgres-js drops a server error that arrives after end() (the stream is detached by then and
 * 'finish' never fires), so a follow-up statement confirms the COPY: with every chunk already
 * flushed, end() sends CopyDone at once, the statement queues behind the COPY and fails if the
 * COPY aborted the transaction.
 */
async function endCopy(tx: TransactionSql, stream: Writable, table: string, failure: () => unknown): Promise<void> {
  try {
    // The last write's callback means everything before it has reached the socket too.
    await writeChunk(stream, '');
    stream.end();
    await new Promise((resolve) => setImmediate(resolve));
    await tx.unsafe('select 1');
  } catch (error) {
    throw failure() ?? new Error(`COPY into ${table} was rejected by the server (${error instanceof Error ? error.message : String(error)})`);
  }
  const early = failure();
  if (early) throw early;
}

function postgresSession(tx: TransactionSql, onRows: RowsListener, freeze: Set<string>): BulkSession {
  return {
    driver: 'postgres',
    async exec(statement) {
      await tx.unsafe(statement);
    },
    async query<T>(statement: string) {
      const rows = await tx.unsafe(statement);
      return rows as unknown as T[];
    },
    async copy(table, columns, fill) {
      // FREEZE writes rows already frozen and all-visible: index-only scans work without a VACUUM.
      const options = freeze.has(table) ? ' with (freeze)' : '';
      const stream: Writable = await tx.unsafe(`copy "${table}" (${columnList(columns)}) from stdin${options}`).writable();
      let failure: unknown = null;
      stream.on('error', (error) => {
        failure = error;
      });
      const writer = new ChunkedWriter(
        256 * 1024,
        async (chunk) => {
          if (failure) throw failure;
          if (!stream.write(chunk)) await once(stream, 'drain');
        },
        () => onRows(table, writer.rows, false),
      );
      try {
        await fill(writer);
        await writer.drain();
      } catch (error) {
        // CopyFail ends the COPY so the transaction can roll back instead of hanging.
        stream.destroy(error instanceof Error ? error : new Error(String(error)));
        throw failure ?? error;
      }
      await endCopy(tx, stream, table, () => failure);
      onRows(table, writer.rows, true);
      return writer.rows;
    },
  };
}

function pgliteSession(tx: Transaction, onRows: RowsListener, freeze: Set<string>): BulkSession {
  return {
    driver: 'pglite',
    async exec(statement) {
      await tx.exec(statement);
    },
    async query<T>(statement: string) {
      return (await tx.query<T>(statement)).rows;
    },
    async copy(table, columns, fill) {
      const options = freeze.has(table) ? ' with (freeze)' : '';
      const statement = `copy "${table}" (${columnList(columns)}) from '/dev/blob'${options}`;
      const writer = new ChunkedWriter(
        8 * 1024 * 1024,
        async (chunk) => {
          await tx.query(statement, [], { blob: new Blob([chunk]) });
        },
        () => onRows(table, writer.rows, false),
      );
      await fill(writer);
      await writer.drain();
      onRows(table, writer.rows, true);
      return writer.rows;
    },
  };
}

/**
 * Runs `work` in one transaction: on any error nothing is left half-written.
 * Tables named in `freeze` must be truncated inside `work` before their COPY.
 */
export async function withBulkSession<T>(
  handle: DatabaseHandle,
  freeze: readonly string[],
  onRows: RowsListener,
  work: (session: BulkSession) => Promise<T>,
): Promise<T> {
  const frozen = new Set(freeze);
  if (handle.raw.kind === 'postgres') {
    const result = await handle.raw.client.begin((tx) => work(postgresSession(tx, onRows, frozen)));
    return result as T;
  }
  return handle.raw.client.transaction((tx) => work(pgliteSession(tx, onRows, frozen)));
}

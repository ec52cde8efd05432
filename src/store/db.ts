/**
 * The one store interface. Both drivers speak PostgreSQL SQL with `$n` parameters.
 * Conventions that keep queries portable between PGlite and PostgreSQL:
 * - pass JSON as a string and cast it: `$1::jsonb`;
 * - cast counts and sums: `count(*)::int` (pg returns int8 as string, PGlite as number);
 * - timestamps are `timestamptz` and come back as Date.
 */
export interface Sql {
  query<T extends object = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** Several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
}

export type DriverName = 'pglite' | 'postgres';

export interface Db extends Sql {
  readonly driver: DriverName;
  /** Runs `work` in one transaction; it commits when `work` resolves, rolls back when it throws. */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
  /** Resolves when the database answers; throws AppError('store_unavailable') when it does not. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

// node-postgres's value conversion: not in @types/pg, but exported by the package (pg/lib/*).
declare module 'pg/lib/utils.js' {
  /** A JavaScript value in PostgreSQL's text form, as node-postgres sends parameters. */
  export function prepareValue(value: unknown): unknown;
  const utils: { prepareValue: typeof prepareValue };
  export default utils;
}

import { PGlite } from '@electric-sql/pglite';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inlineParameters } from '../../src/store/inline-parameters.js';
import { runStatement } from '../../src/store/pglite-db.js';

// Text PostgreSQL accepts: anything but NUL.
const text = fc.string({ unit: 'binary', maxLength: 40 }).map((s) => s.replace(/\0/g, ''));
const tricky = fc.constantFrom("'", "''", '\\', '\\\\', '"', '{', '}', ',', 'NULL', '$1', '$$', '--', '/*', "E'\\x'", ' ', '');
const word = fc.oneof(
  text,
  tricky,
  fc.array(tricky, { maxLength: 4 }).map((parts) => parts.join('')),
);

describe('statement parameters written as literals (PGlite)', () => {
  let db: PGlite;
  beforeAll(async () => {
    db = await PGlite.create();
    await db.exec('CREATE TABLE t (id int PRIMARY KEY, name text, tags text[], doc jsonb, at timestamptz, ok boolean, raw bytea)');
  });
  afterAll(async () => db?.close());

  it('gives every value back exactly as bound parameters do', async () => {
    await fc.assert(
      fc.asyncProperty(
        word,
        fc.array(fc.option(word, { nil: null }), { maxLength: 5 }),
        fc.integer(),
        fc.boolean(),
        fc.date({ min: new Date('1970-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        async (name, tags, n, ok, at) => {
          const statement = 'SELECT $1::text AS name, $2::text[] AS tags, $3::int AS n, $4::boolean AS ok, $5::timestamptz AS at, $1 || $1 AS twice';
          const params = [name, tags, n, ok, at];
          const bound = (await db.query(statement, params)).rows;
          expect(await runStatement(db, statement, params)).toEqual(bound);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('stores and reads back JSON, NULL and bytes as bound parameters do', async () => {
    const params = [1, 'Jan "Hofstra"', ['a', null, 'c'], JSON.stringify({ q: "it's", n: [1, 2] }), new Date('2026-11-22T10:00:00Z'), null, new Uint8Array([0, 1, 254, 255])];
    await runStatement(db, 'INSERT INTO t (id, name, tags, doc, at, ok, raw) VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7)', params);
    await db.query('INSERT INTO t (id, name, tags, doc, at, ok, raw) VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7)', [2, ...params.slice(1)]);
    const rows = (await db.query<{ id: number }>('SELECT * FROM t ORDER BY id')).rows;
    expect({ ...rows[0], id: 2 }).toEqual(rows[1]);
  });

  it('keeps a value a value: quotes and SQL in it change nothing', async () => {
    const hostile = "x'); DROP TABLE t; --";
    expect(await runStatement(db, 'SELECT $1::text AS v', [hostile])).toEqual([{ v: hostile }]);
    expect((await db.query('SELECT count(*)::int AS n FROM t')).rows).toEqual([{ n: 2 }]);
  });

  it('leaves quoted text, identifiers, comments and dollar-quoted bodies alone, and tells $1 from $10', () => {
    const params = Array.from({ length: 10 }, (_, i) => i + 1);
    expect(inlineParameters(`SELECT '$1', "$2", $$ $3 $$, $tag$ $4 $tag$, E'\\' $5', $10, $1 -- $6\n /* $7 */ , x$1`, params)).toBe(
      `SELECT '$1', "$2", $$ $3 $$, $tag$ $4 $tag$, E'\\' $5', '10', '1' -- $6\n /* $7 */ , x$1`,
    );
    expect(() => inlineParameters('SELECT $2', [1])).toThrow(/\$2/);
    expect(() => inlineParameters("SELECT 'open", [])).toThrow(/Unterminated/);
  });
});

import pg from 'pg';
import pgUtils from 'pg/lib/utils.js';

/**
 * A value as an SQL literal: node-postgres's own text form of the value (arrays as array
 * literals, dates with their offset, objects as JSON), quoted with its escapeLiteral. The literal
 * is untyped, as a parameter is, so the statement's casts and context give it its type.
 */
function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (value instanceof Uint8Array) return pg.escapeLiteral(`\\x${Buffer.from(value).toString('hex')}`);
  return pg.escapeLiteral(String(pgUtils.prepareValue(value)));
}

/** Where a quoted region that starts at `start` ends (the index after its closing quote). */
function skipQuoted(text: string, start: number, quote: string, backslashEscapes: boolean): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (backslashEscapes && c === '\\') i += 2;
    else if (c === quote && text[i + 1] === quote) i += 2;
    else if (c === quote) return i + 1;
    else i += 1;
  }
  throw new Error('Unterminated quoted text in SQL statement');
}

/**
 * The statement with `$n` replaced by the n-th value as a literal. PGlite answers a statement in
 * the simple protocol several times faster than with bound parameters (one trip into its engine
 * instead of two), and the hot queries of a turn are a good part of a turn's cost. Quoted strings,
 * quoted identifiers, dollar-quoted bodies and comments are left untouched.
 */
export function inlineParameters(text: string, params: readonly unknown[]): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    let end = i + 1;
    if (c === "'") {
      const escaped = /[eE]/.test(text[i - 1] ?? '') && !/[\w$]/.test(text[i - 2] ?? '');
      end = skipQuoted(text, i, "'", escaped);
    } else if (c === '"') {
      end = skipQuoted(text, i, '"', false);
    } else if (c === '-' && text[i + 1] === '-') {
      const newline = text.indexOf('\n', i);
      end = newline < 0 ? text.length : newline;
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      if (close < 0) throw new Error('Unterminated comment in SQL statement');
      end = close + 2;
    } else if (c === '$') {
      const placeholder = /^\$(\d+)/.exec(text.slice(i, i + 12));
      const tag = placeholder ? undefined : /^\$(?:[A-Za-z_][A-Za-z_0-9]*)?\$/.exec(text.slice(i, i + 64));
      if (placeholder && !/[\w$]/.test(text[i - 1] ?? '')) {
        const n = Number(placeholder[1]);
        if (n < 1 || n > params.length) throw new Error(`SQL statement refers to $${n} but has ${params.length} parameters`);
        out += literal(params[n - 1]);
        i += placeholder[0].length;
        continue;
      }
      if (tag && !/[\w$]/.test(text[i - 1] ?? '')) {
        const close = text.indexOf(tag[0], i + tag[0].length);
        if (close < 0) throw new Error('Unterminated dollar-quoted text in SQL statement');
        end = close + tag[0].length;
      }
    }
    out += text.slice(i, end);
    i = end;
  }
  return out;
}

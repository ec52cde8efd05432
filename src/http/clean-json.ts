import { wellFormedText } from '../text/well-formed-text.js';

/** Deeper than any activity Teams sends; a body nested further is refused rather than walked. */
export const MAX_JSON_DEPTH = 40;

export type Cleaned = { ok: true; value: unknown } | { ok: false; reason: string };

/**
 * A parsed JSON body with every string (values and keys) made safe to store: no NUL, no
 * unpaired surrogate. `__proto__` keys are dropped, so no later copy of the object can set a
 * prototype. Returns a new value; the input is left alone.
 */
export function cleanJson(value: unknown): Cleaned {
  let tooDeep = false;
  const walk = (node: unknown, depth: number): unknown => {
    if (typeof node === 'string') return wellFormedText(node);
    if (node === null || typeof node !== 'object') return node;
    if (depth >= MAX_JSON_DEPTH) {
      tooDeep = true;
      return null;
    }
    if (Array.isArray(node)) return node.map((item) => walk(item, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(node)) {
      if (key === '__proto__') continue;
      out[wellFormedText(key)] = walk(item, depth + 1);
    }
    return out;
  };
  const cleaned = walk(value, 0);
  return tooDeep ? { ok: false, reason: `nested deeper than ${MAX_JSON_DEPTH} levels` } : { ok: true, value: cleaned };
}

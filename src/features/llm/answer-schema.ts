import { z } from 'zod';

/** What the model must reply: checked before anything is sent as an answer. */
export const modelAnswerSchema = z.object({
  answer: z.string().trim().min(1).max(6000),
  supported: z.boolean(),
});

export type ModelAnswer = z.infer<typeof modelAnswerSchema>;

export type ParsedAnswer = { ok: true; value: ModelAnswer } | { ok: false; reason: 'not-json' | 'wrong-shape' };

/** Parses the model's reply; tolerates a ```json fence around it, nothing else. */
export function parseModelAnswer(raw: string): ParsedAnswer {
  const text = raw.trim().replace(/^```(?:json)?\s*([\s\S]*?)\s*```$/i, '$1');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // Malformed output is an expected failure mode of a model: reported as a reason, not thrown.
    return { ok: false, reason: 'not-json' };
  }
  const parsed = modelAnswerSchema.safeParse(json);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: 'wrong-shape' };
}

const escapes: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/**
 * The "answer" string of a JSON reply still being streamed, as far as it has arrived, so the user
 * sees the answer grow (not the JSON around it). Empty until the field starts.
 */
export function partialAnswer(jsonSoFar: string): string {
  const start = /"answer"\s*:\s*"/.exec(jsonSoFar);
  if (!start) return '';
  let out = '';
  for (let i = start.index + start[0].length; i < jsonSoFar.length; i += 1) {
    const c = jsonSoFar[i]!;
    if (c === '"') break;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = jsonSoFar[i + 1];
    if (next === undefined) break;
    if (next === 'u') {
      const hex = jsonSoFar.slice(i + 2, i + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) break;
      out += String.fromCharCode(parseInt(hex, 16));
      i += 5;
    } else {
      out += escapes[next] ?? next;
      i += 1;
    }
  }
  return out;
}

import type { OutgoingActivity } from '../routing/turn.js';

/**
 * Teams shows at most 20 citations per message and the Agents Playground refuses more than 10
 * (HTTP 400, the user sees an error): every message leaves with at most 10.
 */
export const MAX_MESSAGE_CITATIONS = 10;

interface Claim {
  position: number;
  appearance: { name?: string; abstract?: string; [key: string]: unknown };
  [key: string]: unknown;
}

const isCitationEntity = (e: Record<string, unknown>) => e.type === 'https://schema.org/Message' && Array.isArray(e.citation);

/** Rewrites every `[n]` marker in the strings of a value (text, card TextBlocks) by `renumber`. */
function rewriteMarkers(value: unknown, renumber: (n: number) => number): unknown {
  if (typeof value === 'string') {
    return value
      .replace(/ ?\[(\d{1,3})\]/g, (whole, n: string) => {
        const to = renumber(Number(n));
        if (to < 0) return whole;
        return to === 0 ? '' : `${whole.startsWith(' ') ? ' ' : ''}[${to}]`;
      })
      .replace(/(\[\d+\])(?: \1)+/g, '$1');
  }
  if (Array.isArray(value)) return value.map((v) => rewriteMarkers(v, renumber));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewriteMarkers(v, renumber)]));
  return value;
}

/**
 * Keeps a message within MAX_MESSAGE_CITATIONS: citations of the same document (same name) merge
 * into one, and if there are still too many, the last ones go with their markers. The markers in
 * the text and in card text are renumbered to match. Producers should already stay within the
 * limit; this is the guarantee at the edge.
 */
export function fitCitations<T extends OutgoingActivity>(activity: T, max = MAX_MESSAGE_CITATIONS): T {
  const entity = activity.entities?.find(isCitationEntity) as { citation: Claim[] } | undefined;
  if (!entity || entity.citation.length <= max) return activity;
  const groups: Claim[] = [];
  const target = new Map<number, number>();
  for (const claim of [...entity.citation].sort((a, b) => a.position - b.position)) {
    const name = claim.appearance.name ?? String(claim.position);
    let index = groups.findIndex((g) => g.appearance.name === name);
    if (index < 0) {
      if (groups.length >= max) {
        target.set(claim.position, 0);
        continue;
      }
      groups.push({ ...claim, appearance: { ...claim.appearance } });
      index = groups.length - 1;
    }
    target.set(claim.position, index + 1);
  }
  const renumber = (n: number) => target.get(n) ?? -1;
  const citation = groups.map((g, i) => ({ ...g, position: i + 1 }));
  return {
    ...activity,
    ...(activity.text !== undefined ? { text: rewriteMarkers(activity.text, renumber) as string } : {}),
    ...(activity.attachments ? { attachments: rewriteMarkers(activity.attachments, renumber) as T['attachments'] } : {}),
    entities: activity.entities!.map((e) => (isCitationEntity(e) ? { ...e, citation } : e)),
  };
}

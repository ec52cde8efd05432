// PostgreSQL's text and jsonb refuse NUL (\u0000) and a UTF-16 surrogate without its partner
// (JSON can carry both). Such a string must never reach a statement: it would fail the turn.
const NUL = /\u0000/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The string without NUL characters, with every unpaired surrogate replaced by U+FFFD (as a UTF-8 decoder would). */
export function wellFormedText(text: string): string {
  return text.replace(NUL, '').replace(LONE_SURROGATE, '\ufffd');
}

/**
 * Document text for an Adaptive Card TextBlock. A card shows a backslash escape as a backslash
 * ("ontvangen\.", "\(dreigende\)"), so quoted document text is not markdown-escaped like a chat
 * message; instead the few markdown forms a TextBlock acts on are defused without visible marks:
 * bold/italic runs, links, and a list or heading marker at the start.
 */
export function cardText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\*{1,3}(?=\S)/g, (m) => m.replace(/\*/g, '∗'))
    .replace(/\]\(/g, '] (')
    .replace(/(^|\s)_(?=\S)/g, '$1_\u200b')
    .replace(/^(#+|[-+>])\s/, '$1\u00a0');
}

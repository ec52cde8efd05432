import { Lexer, type Token, type Tokens } from 'marked';
import { splitFrontMatter } from '../front-matter.js';
import type { RawBlock, ReadBlocks } from '../blocks.js';

/** The plain text of inline tokens: emphasis, links and code lose their syntax, images and HTML tags go. */
function inline(tokens: readonly Token[] | undefined, fallback = ''): string {
  if (!tokens) return fallback;
  return tokens
    .map((t) => {
      switch (t.type) {
        case 'image':
        case 'html':
          return t.type === 'html' ? (t as Tokens.HTML).text.replace(/<[^>]*>/g, '') : '';
        case 'br':
          return ' ';
        case 'codespan':
          return (t as Tokens.Codespan).text;
        case 'escape':
          return (t as Tokens.Escape).text;
        default:
          return 'tokens' in t && Array.isArray(t.tokens) ? inline(t.tokens as Token[], 'text' in t ? String(t.text) : '') : 'text' in t ? String(t.text) : t.raw;
      }
    })
    .join('')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}

function walk(tokens: readonly Token[], out: RawBlock[], depth: number): void {
  for (const token of tokens) {
    switch (token.type) {
      case 'heading': {
        const h = token as Tokens.Heading;
        out.push({ type: 'heading', level: h.depth, text: inline(h.tokens, h.text) });
        break;
      }
      case 'paragraph':
      case 'text': {
        const p = token as Tokens.Paragraph;
        out.push({ type: 'paragraph', text: inline(p.tokens, p.text) });
        break;
      }
      case 'list': {
        for (const item of (token as Tokens.List).items) {
          // An item's own text; a list inside it comes after it, one level deeper.
          const own = item.tokens.filter((t) => t.type !== 'list');
          out.push({
            type: 'list-item',
            text: own.map((t) => ('tokens' in t && Array.isArray(t.tokens) ? inline(t.tokens as Token[], 'text' in t ? String(t.text) : '') : 'text' in t ? String(t.text) : '')).join(' '),
            depth,
          });
          walk(
            item.tokens.filter((t) => t.type === 'list'),
            out,
            depth + 1,
          );
        }
        break;
      }
      case 'table': {
        const t = token as Tokens.Table;
        out.push({ type: 'table', header: true, rows: [t.header.map((c) => inline(c.tokens, c.text)), ...t.rows.map((r) => r.map((c) => inline(c.tokens, c.text)))] });
        break;
      }
      case 'blockquote':
        walk((token as Tokens.Blockquote).tokens, out, depth);
        break;
      case 'html': {
        const text = (token as Tokens.HTML).text.replace(/<[^>]*>/g, ' ').trim();
        if (text) out.push({ type: 'paragraph', text });
        break;
      }
      default:
        // Code blocks, rules and blank space carry no prose.
        break;
    }
  }
}

/**
 * A Markdown file through marked's lexer (CommonMark + GFM tables): headings, paragraphs, nested
 * lists and pipe tables; YAML front matter apart. A single top-level heading before any other is the
 * document's title: it titles the text right under it, and the chapters below it are not its children
 * (their paths start at their own heading).
 */
export function readMarkdown(source: string): ReadBlocks {
  const { body, frontMatter } = splitFrontMatter(source);
  const blocks: RawBlock[] = [];
  walk(new Lexer({ gfm: true }).lex(body), blocks, 0);
  const headings = blocks.filter((b): b is Extract<RawBlock, { type: 'heading' }> => b.type === 'heading');
  const top = Math.min(...headings.map((h) => h.level));
  const first = headings[0];
  let titleHint: string | undefined;
  if (first && first.level === top && headings.filter((h) => h.level === top).length === 1 && headings.length > 1) {
    titleHint = first.text;
    const next = Math.min(...headings.filter((h) => h !== first).map((h) => h.level));
    first.level = next;
  }
  return { blocks, ...(titleHint ? { titleHint } : {}), ...(frontMatter ? { frontMatter } : {}) };
}

import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { AppError } from '../../../core/app-error.js';
import { wellFormedText } from '../../../core/well-formed-text.js';
import { cleanText } from './clean-text.js';

export type SourceFormat = 'txt' | 'md' | 'pdf' | 'docx';
export const SUPPORTED_EXTENSIONS: Record<string, SourceFormat> = { '.txt': 'txt', '.md': 'md', '.markdown': 'md', '.pdf': 'pdf', '.docx': 'docx' };

export interface ExtractedText {
  /** Cleaned text (see `cleanText`): paragraphs on their own line, blank lines between blocks. */
  text: string;
  /** The text as the file held it (after the front-matter), for metadata inference. */
  rawText: string;
  format: SourceFormat;
  /** The YAML front-matter of a .txt/.md file, when it has one. */
  frontMatter?: Record<string, unknown>;
  pages?: number;
}

export function formatOf(fileName: string): SourceFormat | undefined {
  return SUPPORTED_EXTENSIONS[extname(fileName).toLowerCase()];
}

export function splitFrontMatter(source: string): { body: string; frontMatter?: Record<string, unknown> } {
  const match = /^\ufeff?---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
  if (!match) return { body: source };
  const parsed: unknown = parseYaml(match[1]!);
  return { body: source.slice(match[0].length), frontMatter: parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : undefined };
}

/** Markdown to plain lines: headings stay marked with #, emphasis and link syntax go. */
function stripMarkdown(text: string): string {
  return text
    .replace(/```[\s\S]*?```/g, '')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|\W)[*_](\S[^*_]*?)[*_](?=\W|$)/g, '$1$2')
    .replace(/^\s*[*+]\s+/gm, '- ')
    .replace(/^>\s?/gm, '')
    .replace(/<[^>]+>/g, '');
}

async function pdfText(buffer: Uint8Array): Promise<{ text: string; pages: number }> {
  const { extractText: unpdfExtract, getDocumentProxy } = await import('unpdf');
  const pdf = await getDocumentProxy(new Uint8Array(buffer));
  const { text, totalPages } = await unpdfExtract(pdf, { mergePages: false });
  return { text: text.join('\n\f\n'), pages: totalPages };
}

async function docxText(buffer: Uint8Array): Promise<string> {
  const mammoth = await import('mammoth');
  const result = await mammoth.extractRawText({ buffer: Buffer.from(buffer) });
  return result.value;
}

/**
 * Text of a .txt, .md, .pdf or .docx file, cleaned. Usable on its own (e.g. to summarize an upload
 * without storing it). Throws AppError naming the file for an unsupported type, an unreadable file
 * or a file without text (a scan without OCR).
 */
export async function extractText(buffer: Uint8Array, fileName: string): Promise<ExtractedText> {
  const format = formatOf(fileName);
  if (!format) {
    throw new AppError('knowledge_unsupported_file', { params: { file: fileName, types: Object.keys(SUPPORTED_EXTENSIONS).join(', ') }, detail: `unsupported file type ${fileName}` });
  }
  let rawText: string;
  let frontMatter: Record<string, unknown> | undefined;
  let pages: number | undefined;
  try {
    if (format === 'pdf') {
      ({ text: rawText, pages } = await pdfText(buffer));
    } else if (format === 'docx') {
      rawText = await docxText(buffer);
    } else {
      const decoded = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
      ({ body: rawText, frontMatter } = splitFrontMatter(decoded));
      if (format === 'md') rawText = stripMarkdown(rawText);
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0]!.slice(0, 200) : String(error);
    throw new AppError('knowledge_unreadable_file', { params: { file: fileName, reason }, detail: `${fileName}: ${reason}`, cause: error });
  }
  // A file may hold NUL bytes (or a PDF an unpaired surrogate): the store refuses both.
  rawText = wellFormedText(rawText);
  const text = cleanText(rawText);
  if (!/[\p{L}]{3}/u.test(text)) {
    throw new AppError('knowledge_empty_file', { params: { file: fileName }, detail: `${fileName} holds no text` });
  }
  return { text, rawText, format, ...(frontMatter ? { frontMatter } : {}), ...(pages !== undefined ? { pages } : {}) };
}

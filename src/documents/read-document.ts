import { extname } from 'node:path';
import { AppError } from '../errors/app-error.js';
import { wellFormedText } from '../text/well-formed-text.js';
import { assemble, type ReadBlocks } from './blocks.js';
import type { SourceFormat, StructuredDocument } from './model.js';
import { readDocx } from './readers/docx.js';
import { readMarkdown } from './readers/markdown.js';
import { readPdf } from './readers/pdf.js';
import { readPlainText } from './readers/plain-text.js';

export const SUPPORTED_EXTENSIONS: Record<string, SourceFormat> = { '.txt': 'txt', '.md': 'md', '.markdown': 'md', '.pdf': 'pdf', '.docx': 'docx' };

export function formatOf(fileName: string): SourceFormat | undefined {
  return SUPPORTED_EXTENSIONS[extname(fileName).toLowerCase()];
}

async function readBlocks(format: SourceFormat, buffer: Uint8Array): Promise<ReadBlocks> {
  if (format === 'pdf') return readPdf(buffer);
  if (format === 'docx') return readDocx(buffer);
  const decoded = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  return format === 'md' ? readMarkdown(decoded) : readPlainText(decoded);
}

/** Every string the reader found, without NUL or unpaired surrogates: a file may hold them, the store refuses both. */
function wellFormed<T>(value: T): T {
  if (typeof value === 'string') return wellFormedText(value) as T;
  if (Array.isArray(value)) return value.map(wellFormed) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, wellFormed(item)])) as T;
  }
  return value;
}

/** The model of text already in memory (an upload kept as Markdown, a note typed in). */
export function readTextDocument(text: string, format: 'md' | 'txt'): StructuredDocument {
  return assemble(format, wellFormed(format === 'md' ? readMarkdown(text) : readPlainText(text)));
}

/**
 * A .txt, .md, .pdf or .docx file as a structured document. Throws AppError naming the file for an
 * unsupported type, an unreadable file or a file without text (a scan without OCR).
 */
export async function readDocument(buffer: Uint8Array, fileName: string): Promise<StructuredDocument> {
  const format = formatOf(fileName);
  if (!format) {
    throw new AppError('knowledge_unsupported_file', { params: { file: fileName, types: Object.keys(SUPPORTED_EXTENSIONS).join(', ') }, detail: `unsupported file type ${fileName}` });
  }
  let read: ReadBlocks;
  try {
    read = await readBlocks(format, buffer);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0]!.slice(0, 200) : String(error);
    throw new AppError('knowledge_unreadable_file', { params: { file: fileName, reason }, detail: `${fileName}: ${reason}`, cause: error });
  }
  const document = assemble(format, wellFormed(read));
  if (!/[\p{L}]{3}/u.test(document.text)) {
    throw new AppError('knowledge_empty_file', { params: { file: fileName }, detail: `${fileName} holds no text` });
  }
  return document;
}

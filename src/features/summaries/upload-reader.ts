import { AppError } from '../../errors/app-error.js';
import { readDocument, renderMarkdown } from '../../documents/index.js';
import type { DownloadPolicy } from './download-policy.js';

export const TEAMS_FILE_DOWNLOAD = 'application/vnd.microsoft.teams.file.download.info';

export interface TeamsFile {
  name: string;
  downloadUrl: string;
  fileType?: string;
}

/** The file a user sent in a personal chat (Teams gives a pre-authorised download URL; no token needed). */
export function teamsFileOf(attachments: readonly { contentType: string; content?: unknown; name?: string }[]): TeamsFile | undefined {
  for (const a of attachments) {
    if (a.contentType !== TEAMS_FILE_DOWNLOAD) continue;
    const content = (a.content ?? {}) as { downloadUrl?: unknown; fileType?: unknown };
    if (typeof content.downloadUrl !== 'string' || !/^https?:\/\//i.test(content.downloadUrl)) continue;
    return { name: a.name ?? 'bestand', downloadUrl: content.downloadUrl, fileType: typeof content.fileType === 'string' ? content.fileType : undefined };
  }
  return undefined;
}

export function formatBytes(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1).replace('.', ',')} MB` : `${Math.ceil(bytes / 1000)} kB`;
}

const MAX_REDIRECTS = 5;

/**
 * A plain GET with a size limit: stops reading as soon as the limit is passed (Content-Length can
 * be absent or wrong). Redirects are followed by hand, each hop checked against `policy`, so a
 * permitted host cannot send the bot on to another one.
 */
export async function downloadFile(url: string, maxBytes: number, policy: DownloadPolicy): Promise<Buffer> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw new AppError('download_refused', { status: 400, detail: 'download URL does not parse' });
  }
  let response: Response | undefined;
  for (let hop = 0; ; hop++) {
    if (!policy.allows(target)) throw new AppError('download_refused', { status: 403, detail: `download host not allowed (${hop === 0 ? 'first URL' : `redirect ${hop}`})` });
    try {
      response = await fetch(target, { redirect: 'manual', signal: AbortSignal.timeout(30_000) });
    } catch (error) {
      throw new AppError('download_failed', { status: 502, detail: 'fetch failed', cause: error });
    }
    const location = response.status >= 300 && response.status < 400 ? response.headers.get('location') : null;
    if (!location) break;
    await response.body?.cancel();
    if (hop >= MAX_REDIRECTS) throw new AppError('download_failed', { status: 502, detail: 'too many redirects' });
    try {
      target = new URL(location, target);
    } catch {
      throw new AppError('download_failed', { status: 502, detail: 'redirect to a URL that does not parse' });
    }
  }
  if (!response.ok || !response.body) throw new AppError('download_failed', { status: 502, detail: `HTTP ${response.status}` });
  const tooLarge = (size: number) => new AppError('file_too_large', { status: 413, params: { size: formatBytes(size), max: formatBytes(maxBytes) } });
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body.cancel();
    throw tooLarge(declared);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > maxBytes) throw tooLarge(size);
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

/** The name the knowledge extractor reads the format from: Teams' fileType wins over a name without extension. */
function fileNameOf(file: TeamsFile): string {
  const ext = file.fileType?.toLowerCase();
  return ext && !file.name.toLowerCase().endsWith(`.${ext}`) ? `${file.name}.${ext}` : file.name;
}

// The knowledge module names the file in its errors (for a batch import); a chat answer about the file just sent does not need to.
const asUploadError: Partial<Record<string, 'unsupported_file' | 'no_text_found'>> = {
  knowledge_unsupported_file: 'unsupported_file',
  knowledge_unreadable_file: 'no_text_found',
  knowledge_empty_file: 'no_text_found',
};

/**
 * A PDF, Word (.docx), Markdown or text file read into the document model (the same one a stored
 * document gets), kept as Markdown so its sections, lists and table rows survive until "korter".
 */
export async function extractUploadText(file: TeamsFile, data: Buffer): Promise<string> {
  let text: string;
  try {
    text = renderMarkdown(await readDocument(new Uint8Array(data), fileNameOf(file)));
  } catch (error) {
    const code = error instanceof AppError ? asUploadError[error.code] : undefined;
    if (!code) throw error;
    throw new AppError(code, { status: code === 'unsupported_file' ? 415 : 422, detail: error instanceof Error ? error.message : undefined, cause: error });
  }
  // An image-only PDF can still yield page furniture (a page number, a header): too little to summarise.
  if ((text.match(/[A-Za-zÀ-ÿ]{2,}/g) ?? []).length < 5) throw new AppError('no_text_found', { status: 422, detail: 'file without text' });
  return text;
}

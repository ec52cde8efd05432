import { AppError } from '../../core/app-error.js';

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

/** A plain GET with a size limit: stops reading as soon as the limit is passed (Content-Length can be absent or wrong). */
export async function downloadFile(url: string, maxBytes: number): Promise<Buffer> {
  let response: Response;
  try {
    response = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(30_000) });
  } catch (error) {
    throw new AppError('download_failed', { status: 502, detail: 'fetch failed', cause: error });
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

function kindOf(file: TeamsFile): 'pdf' | 'docx' | 'text' | undefined {
  const ext = (file.fileType ?? file.name.split('.').pop() ?? '').toLowerCase();
  if (ext === 'pdf') return 'pdf';
  if (ext === 'docx') return 'docx';
  if (['txt', 'md', 'text'].includes(ext)) return 'text';
  return undefined;
}

/**
 * Plain text of a PDF, Word (.docx) or text file. Written here because the knowledge module does
 * not export its extractor yet; swap in `extractText` from there when it does.
 */
export async function extractUploadText(file: TeamsFile, data: Buffer): Promise<string> {
  const kind = kindOf(file);
  let text: string;
  try {
    if (kind === 'pdf') {
      const { extractText } = await import('unpdf');
      text = (await extractText(new Uint8Array(data), { mergePages: true })).text;
    } else if (kind === 'docx') {
      const mammoth = await import('mammoth');
      text = (await mammoth.extractRawText({ buffer: data })).value;
    } else if (kind === 'text') {
      text = data.toString('utf8');
    } else {
      throw new AppError('unsupported_file', { status: 415, detail: `file type ${file.fileType ?? 'unknown'}` });
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('no_text_found', { status: 422, detail: `could not parse ${kind}`, cause: error });
  }
  // An image-only PDF yields no letters at all (or only page furniture).
  if ((text.match(/[A-Za-zÀ-ÿ]{2,}/g) ?? []).length < 5) throw new AppError('no_text_found', { status: 422, detail: `${kind} without text` });
  return text;
}

import { AppError } from '../../errors/app-error.js';
import { format } from '../../i18n/catalogue.js';
import type { Turn } from '../../routing/turn.js';
import type { Core } from '../feature-context.js';
import { downloadPolicy } from './download-policy.js';
import type { KnowledgeIngest } from './summary-source.js';
import { downloadFile, extractUploadText, type TeamsFile } from './upload-reader.js';
import type { UploadStore } from './upload-store.js';

export interface UploadedFilesDeps {
  core: Core;
  uploads: UploadStore;
  /** Adds an uploaded file to the knowledge base; without it the button is not offered. */
  ingest?: KnowledgeIngest;
}

/** Files a user sends in a personal chat: read and kept (for a while) to summarise, and on request added to the knowledge base. */
export function uploadedFiles({ core, uploads, ingest }: UploadedFilesDeps) {
  const downloads = downloadPolicy(core.config);

  /** Downloads and reads the file, keeps its text; resolves with the upload's id. */
  async function receive(turn: Turn, file: TeamsFile): Promise<string> {
    const data = await downloadFile(file.downloadUrl, core.config.MAX_UPLOAD_BYTES, downloads);
    const text = await extractUploadText(file, data);
    const id = await uploads.save({ tenantId: turn.tenantId, userAadObjectId: turn.user.aadObjectId, fileName: file.name, text, at: core.now() });
    turn.log.info({ bytes: data.length, fileType: file.fileType }, 'uploaded file summarised');
    return id;
  }

  /** "Toevoegen aan kennisbank": the user's own upload goes into the knowledge base; resolves with what to tell them. */
  async function addToKnowledge(turn: Turn, uploadId: string): Promise<string> {
    if (!ingest) throw new AppError('unknown_action', { detail: 'knowledge ingest not connected' });
    const upload = await uploads.find(uploadId, turn.tenantId, turn.user.aadObjectId);
    if (!upload) return turn.t.summaries.uploadGone;
    await ingest.addDocument({ tenantId: turn.tenantId, title: upload.fileName, text: upload.text, addedBy: turn.user.aadObjectId ?? turn.user.id });
    turn.log.info('uploaded file added to the knowledge base');
    return format(turn.t.summaries.addedToKnowledge, { title: upload.fileName });
  }

  return { receive, addToKnowledge, canAddToKnowledge: Boolean(ingest) };
}

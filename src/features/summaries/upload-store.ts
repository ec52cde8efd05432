import { randomUUID } from 'node:crypto';
import type { Sql } from '../../store/db.js';

/** Uploaded text is kept this long, only for "korter"/"uitgebreider" and "Toevoegen aan kennisbank". */
export const UPLOAD_RETENTION_DAYS = 7;

export interface StoredUpload {
  id: string;
  tenantId: string | null;
  userAadObjectId: string | null;
  fileName: string;
  text: string;
}

export class UploadStore {
  constructor(private readonly db: Sql) {}

  async save(input: { tenantId?: string; userAadObjectId?: string; fileName: string; text: string; at: Date }): Promise<string> {
    const id = randomUUID();
    await this.db.query('DELETE FROM summary_uploads WHERE created_at < $1', [new Date(input.at.getTime() - UPLOAD_RETENTION_DAYS * 86_400_000)]);
    await this.db.query('INSERT INTO summary_uploads (id, tenant_id, user_aad_object_id, file_name, text, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
      id,
      input.tenantId ?? null,
      input.userAadObjectId ?? null,
      input.fileName,
      input.text,
      input.at,
    ]);
    return id;
  }

  /** Only the user who sent the file gets it back. */
  async find(id: string, tenantId: string | undefined, userAadObjectId: string | undefined): Promise<StoredUpload | undefined> {
    const rows = await this.db.query<{ id: string; tenant_id: string | null; user_aad_object_id: string | null; file_name: string; text: string }>(
      'SELECT * FROM summary_uploads WHERE id = $1 AND tenant_id IS NOT DISTINCT FROM $2 AND user_aad_object_id IS NOT DISTINCT FROM $3',
      [id, tenantId ?? null, userAadObjectId ?? null],
    );
    const r = rows[0];
    return r ? { id: r.id, tenantId: r.tenant_id, userAadObjectId: r.user_aad_object_id, fileName: r.file_name, text: r.text } : undefined;
  }

  async remove(id: string): Promise<void> {
    await this.db.query('DELETE FROM summary_uploads WHERE id = $1', [id]);
  }
}

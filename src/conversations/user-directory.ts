import type { Sql } from '../store/db.js';

/** Teams refreshes a card automatically for at most 60 users (Universal Actions, user-specific views). */
export const MAX_REFRESH_USER_IDS = 60;

/**
 * Teams user ids (MRIs) per Entra object id and tenant. Roles name people by their Entra object
 * id; `refresh.userIds` on a card needs their Teams user id, which only a turn of theirs tells.
 */
export class UserDirectory {
  constructor(private readonly db: Sql) {}

  /** Keeps the Teams user id a turn showed; a write only when it changed. */
  async learn(tenantId: string, aadObjectId: string, userId: string): Promise<void> {
    await this.db.query(
      `INSERT INTO teams_users (tenant_id, aad_object_id, user_id, updated_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (tenant_id, aad_object_id) DO UPDATE SET user_id = EXCLUDED.user_id, updated_at = now()
       WHERE teams_users.user_id IS DISTINCT FROM EXCLUDED.user_id`,
      [tenantId, aadObjectId, userId],
    );
  }

  /**
   * The Teams user ids known for these people: learned from their turns, else from their personal
   * chat with the bot (kept by the conversation directory).
   */
  async teamsUserIds(tenantId: string, aadObjectIds: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    if (aadObjectIds.length === 0) return out;
    const learned = await this.db.query<{ aad_object_id: string; user_id: string }>('SELECT aad_object_id, user_id FROM teams_users WHERE tenant_id = $1 AND aad_object_id = ANY($2::text[])', [
      tenantId,
      [...aadObjectIds],
    ]);
    for (const r of learned) out.set(r.aad_object_id, r.user_id);
    const missing = aadObjectIds.filter((id) => !out.has(id));
    if (missing.length > 0) {
      const chats = await this.db.query<{ aad_object_id: string; user_id: string }>(
        `SELECT DISTINCT ON (user_aad_object_id) user_aad_object_id AS aad_object_id, user_id FROM conversation_refs
         WHERE conversation_type = 'personal' AND tenant_id = $1 AND user_aad_object_id = ANY($2::text[]) AND user_id IS NOT NULL
         ORDER BY user_aad_object_id, updated_at DESC`,
        [tenantId, missing],
      );
      for (const r of chats) out.set(r.aad_object_id, r.user_id);
    }
    return out;
  }

  /** For `refresh.userIds`: the known Teams user ids of these people and `extra`, in that order, without duplicates, at most 60 (Teams' limit). */
  async refreshUserIds(tenantId: string, aadObjectIds: readonly string[], extra: readonly (string | undefined)[] = []): Promise<string[]> {
    const known = await this.teamsUserIds(tenantId, aadObjectIds);
    const ids = [...aadObjectIds.map((id) => known.get(id)), ...extra].filter((id): id is string => Boolean(id));
    return [...new Set(ids)].slice(0, MAX_REFRESH_USER_IDS);
  }
}

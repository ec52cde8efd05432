import type { ConversationAddress } from '../../routing/turn.js';
import type { Sql } from '../../store/db.js';

/** Where a case's coordinator card was posted, so every copy can be updated in place. */
export interface CasePost {
  conversationId: string;
  address: ConversationAddress;
  activityId: string;
}

export async function saveCasePost(db: Sql, caseId: number, post: CasePost): Promise<void> {
  await db.query(
    `INSERT INTO mediation_case_posts (case_id, conversation_id, address, activity_id) VALUES ($1, $2, $3::jsonb, $4)
     ON CONFLICT (case_id, conversation_id) DO UPDATE SET address = EXCLUDED.address, activity_id = EXCLUDED.activity_id`,
    [caseId, post.conversationId, JSON.stringify(post.address), post.activityId],
  );
}

export async function casePosts(db: Sql, caseId: number): Promise<CasePost[]> {
  const rows = await db.query<{ conversation_id: string; address: ConversationAddress; activity_id: string }>(
    'SELECT conversation_id, address, activity_id FROM mediation_case_posts WHERE case_id = $1',
    [caseId],
  );
  return rows.map((r) => ({ conversationId: r.conversation_id, address: r.address, activityId: r.activity_id }));
}

/** Teams user ids (MRIs) by Entra object id: `refresh.userIds` needs the former, roles know the latter. */
export async function rememberUserId(db: Sql, tenantId: string, aadObjectId: string, userId: string, now: Date): Promise<void> {
  await db.query(
    `INSERT INTO mediation_user_ids (tenant_id, aad_object_id, user_id, updated_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (tenant_id, aad_object_id) DO UPDATE SET user_id = EXCLUDED.user_id, updated_at = EXCLUDED.updated_at
     WHERE mediation_user_ids.user_id IS DISTINCT FROM EXCLUDED.user_id`,
    [tenantId, aadObjectId, userId, now],
  );
}

export async function userIdsOf(db: Sql, tenantId: string, aadObjectIds: readonly string[]): Promise<string[]> {
  if (aadObjectIds.length === 0) return [];
  const rows = await db.query<{ user_id: string }>('SELECT user_id FROM mediation_user_ids WHERE tenant_id = $1 AND aad_object_id = ANY($2::text[]) ORDER BY aad_object_id', [
    tenantId,
    [...aadObjectIds],
  ]);
  return rows.map((r) => r.user_id).slice(0, 60);
}

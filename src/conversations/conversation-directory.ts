import type { Sql } from '../store/db.js';
import type { ConversationAddress } from '../routing/turn.js';

interface RefRow {
  reference: ConversationAddress;
  active: boolean;
}

/**
 * The proactive conversation store: where the bot may post later. Kept from every activity, so a
 * steering-group channel or an approver's personal chat is known once anyone spoke there.
 */
export class ConversationDirectory {
  // Most activities repeat the last known address; skip the write then (a stale cache only costs a write).
  private readonly lastSaved = new Map<string, string>();

  constructor(private readonly db: Sql) {}

  /** `user`: in a personal chat, the person the bot talks to (their Teams user id is kept for the user directory). */
  async remember(address: ConversationAddress, user?: { aadObjectId?: string; id?: string }): Promise<void> {
    const json = JSON.stringify(address);
    const personal = address.conversationType === 'personal' && user?.aadObjectId ? user : undefined;
    const cacheKey = `${json}|${personal?.aadObjectId ?? ''}|${personal?.id ?? ''}`;
    if (this.lastSaved.get(address.conversationId) === cacheKey) return;
    await this.db.query(
      `INSERT INTO conversation_refs (conversation_id, tenant_id, conversation_type, user_aad_object_id, user_id, reference, active, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, true, now())
       ON CONFLICT (conversation_id) DO UPDATE SET tenant_id = EXCLUDED.tenant_id, conversation_type = EXCLUDED.conversation_type,
         user_aad_object_id = COALESCE(EXCLUDED.user_aad_object_id, conversation_refs.user_aad_object_id),
         user_id = COALESCE(EXCLUDED.user_id, conversation_refs.user_id),
         reference = EXCLUDED.reference, active = true, updated_at = now()`,
      [address.conversationId, address.tenantId ?? null, address.conversationType, personal?.aadObjectId ?? null, personal?.id ?? null, json],
    );
    if (this.lastSaved.size > 10_000) this.lastSaved.clear();
    this.lastSaved.set(address.conversationId, cacheKey);
  }

  async find(conversationId: string): Promise<(ConversationAddress & { active: boolean }) | undefined> {
    const rows = await this.db.query<RefRow>('SELECT reference, active FROM conversation_refs WHERE conversation_id = $1', [conversationId]);
    const row = rows[0];
    return row ? { ...row.reference, active: row.active } : undefined;
  }

  /** The personal chat of a user with the bot, if the user ever opened one. */
  async findPersonal(tenantId: string | undefined, userAadObjectId: string): Promise<ConversationAddress | undefined> {
    const rows = await this.db.query<RefRow>(
      `SELECT reference, active FROM conversation_refs
       WHERE conversation_type = 'personal' AND user_aad_object_id = $1 AND tenant_id IS NOT DISTINCT FROM $2 AND active
       ORDER BY updated_at DESC LIMIT 1`,
      [userAadObjectId, tenantId ?? null],
    );
    return rows[0]?.reference;
  }

  /** The bot was removed, or Teams says the conversation is gone: stop posting there. */
  async markInactive(conversationId: string): Promise<void> {
    this.lastSaved.delete(conversationId);
    await this.db.query('UPDATE conversation_refs SET active = false, updated_at = now() WHERE conversation_id = $1', [conversationId]);
  }
}

import type { ConversationAddress } from '../routing/turn.js';
import type { Sql } from '../store/db.js';

/** One posted copy of a card: where it is, so it can be updated in place later. */
export interface PostedCard {
  /** What the card shows, e.g. `approval:<id>` or `mediation-case:<id>`. */
  subject: string;
  address: ConversationAddress;
  activityId: string;
  /** Who sees this copy: 'conversation' (everyone there) or a role's own view such as 'approver'. */
  audience: string;
}

interface PostedCardRow {
  subject: string;
  address: ConversationAddress | string;
  activity_id: string;
  audience: string;
}

/** The store of posted card copies (one table for every feature). */
export class PostedCards {
  constructor(private readonly db: Sql) {}

  /** Records a copy; recording the same copy twice is harmless (a redelivered turn, a retried job). */
  async record(copy: PostedCard): Promise<void> {
    await this.db.query(
      `INSERT INTO posted_cards (subject, conversation_id, activity_id, address, audience) VALUES ($1, $2, $3, $4::jsonb, $5)
       ON CONFLICT DO NOTHING`,
      [copy.subject, copy.address.conversationId, copy.activityId, JSON.stringify(copy.address), copy.audience],
    );
  }

  /** Every copy of a subject, oldest first. */
  async list(subject: string): Promise<PostedCard[]> {
    const rows = await this.db.query<PostedCardRow>('SELECT subject, address, activity_id, audience FROM posted_cards WHERE subject = $1 ORDER BY posted_at, conversation_id, activity_id', [subject]);
    return rows.map((r) => ({
      subject: r.subject,
      address: typeof r.address === 'string' ? (JSON.parse(r.address) as ConversationAddress) : r.address,
      activityId: r.activity_id,
      audience: r.audience,
    }));
  }

  /** Forgets every copy of a subject (the cards stay in Teams; the bot no longer updates them). Returns how many. */
  async forget(subject: string): Promise<number> {
    const rows = await this.db.query<{ activity_id: string }>('DELETE FROM posted_cards WHERE subject = $1 RETURNING activity_id', [subject]);
    return rows.length;
  }

  /** Forgets one copy (its conversation is gone). */
  async forgetCopy(copy: Pick<PostedCard, 'subject' | 'address' | 'activityId'>): Promise<void> {
    await this.db.query('DELETE FROM posted_cards WHERE subject = $1 AND conversation_id = $2 AND activity_id = $3', [copy.subject, copy.address.conversationId, copy.activityId]);
  }
}

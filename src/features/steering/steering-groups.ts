import type { ConversationAddress } from '../../routing/turn.js';
import type { Sql } from '../../store/db.js';

export interface SteeringGroup {
  tenantId: string;
  programme: string;
  conversationId: string;
  address: ConversationAddress;
  registeredBy: string;
  registeredAt: Date;
  lastUpdateAt: Date | null;
}

interface Row {
  tenant_id: string;
  programme: string;
  conversation_id: string;
  address: ConversationAddress;
  registered_by: string;
  registered_at: Date;
  last_update_at: Date | null;
}

const toGroup = (r: Row): SteeringGroup => ({
  tenantId: r.tenant_id,
  programme: r.programme,
  conversationId: r.conversation_id,
  address: r.address,
  registeredBy: r.registered_by,
  registeredAt: new Date(r.registered_at),
  lastUpdateAt: r.last_update_at ? new Date(r.last_update_at) : null,
});

/** Programme names are matched case-insensitively and stored in lower case: "Buurtbemiddeling" and "buurtbemiddeling" are one group. */
export function programmeKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** One steering group per programme per tenant; registering again moves it to the new conversation. */
export class SteeringGroups {
  constructor(private readonly db: Sql) {}

  async register(input: { tenantId: string; programme: string; address: ConversationAddress; registeredBy: string; at: Date }): Promise<{ moved: boolean }> {
    const rows = await this.db.query<{ previous: string | null }>(
      `WITH previous AS (SELECT conversation_id FROM steering_groups WHERE tenant_id = $1 AND programme = $2)
       INSERT INTO steering_groups (tenant_id, programme, conversation_id, address, registered_by, registered_at)
       VALUES ($1, $2, $3, $4::jsonb, $5, $6)
       ON CONFLICT (tenant_id, programme) DO UPDATE SET conversation_id = EXCLUDED.conversation_id, address = EXCLUDED.address,
         registered_by = EXCLUDED.registered_by, registered_at = EXCLUDED.registered_at
       RETURNING (SELECT conversation_id FROM previous) AS previous`,
      [input.tenantId, programmeKey(input.programme), input.address.conversationId, JSON.stringify(input.address), input.registeredBy, input.at],
    );
    const previous = rows[0]?.previous ?? null;
    return { moved: previous !== null && previous !== input.address.conversationId };
  }

  async find(tenantId: string, programme: string): Promise<SteeringGroup | undefined> {
    const rows = await this.db.query<Row>('SELECT * FROM steering_groups WHERE tenant_id = $1 AND programme = $2', [tenantId, programmeKey(programme)]);
    return rows[0] ? toGroup(rows[0]) : undefined;
  }

  async ofTenant(tenantId: string): Promise<SteeringGroup[]> {
    return (await this.db.query<Row>('SELECT * FROM steering_groups WHERE tenant_id = $1 ORDER BY programme', [tenantId])).map(toGroup);
  }

  /** Every group whose conversation is still active (the bot was not removed). */
  async allActive(): Promise<SteeringGroup[]> {
    const rows = await this.db.query<Row>(
      `SELECT g.* FROM steering_groups g LEFT JOIN conversation_refs c ON c.conversation_id = g.conversation_id
       WHERE c.active IS NOT FALSE ORDER BY g.tenant_id, g.programme`,
    );
    return rows.map(toGroup);
  }

  async markUpdated(tenantId: string, programme: string, at: Date): Promise<void> {
    await this.db.query('UPDATE steering_groups SET last_update_at = $3 WHERE tenant_id = $1 AND programme = $2', [tenantId, programmeKey(programme), at]);
  }
}

/**
 * Claims a unit of once-only work (a scheduled slot, a clicked "Versturen"): true for exactly one
 * caller, however many bot instances share the database.
 */
export async function claimOnce(db: Sql, job: string, slotAt: Date): Promise<boolean> {
  const rows = await db.query<{ job: string }>('INSERT INTO scheduled_runs (job, slot_at) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING job', [job, slotAt]);
  return rows.length === 1;
}

export async function recordOutcome(db: Sql, job: string, slotAt: Date, outcome: string): Promise<void> {
  await db.query('UPDATE scheduled_runs SET outcome = $3 WHERE job = $1 AND slot_at = $2', [job, slotAt, outcome]);
}

import type { Logger } from '../logging/logger.js';
import type { ConversationAddress, Messenger, OutgoingActivity } from '../routing/turn.js';
import type { Sql } from '../store/db.js';
import { PostedCards, type PostedCard } from './posted-cards.js';
import { ConversationGoneError } from './reliable-messenger.js';

export interface UpdateOutcome {
  updated: number;
  /** Copies in conversations Teams says are gone: forgotten, they cannot be updated any more. */
  gone: number;
  /** Copies whose update failed after the messenger's retries; kept, so the next update tries them again. */
  failed: number;
}

/**
 * Cards posted outside a turn and kept up to date: every copy of a card is recorded under its
 * subject, and "update everywhere" renders each copy for its audience and updates it in place.
 * The messenger is the reliable one (rate limits, retries with backoff, gone conversations marked
 * inactive); updates of one subject run one after another, so an older state never lands last.
 */
export class CardDelivery {
  private readonly copies: PostedCards;
  private readonly running = new Map<string, Promise<unknown>>();

  constructor(
    db: Sql,
    private readonly messenger: Messenger,
    private readonly log: Logger,
  ) {
    this.copies = new PostedCards(db);
  }

  /** Sends a card to a conversation and records the copy. Returns the activity id Teams gave it. */
  async post(subject: string, address: ConversationAddress, activity: OutgoingActivity, audience = 'conversation'): Promise<string | undefined> {
    const { id } = await this.messenger.send(address, activity);
    if (id) await this.copies.record({ subject, address, activityId: id, audience });
    return id;
  }

  /** Records a copy posted some other way (a card sent as the reply in a turn). */
  record(copy: PostedCard): Promise<void> {
    return this.copies.record(copy);
  }

  list(subject: string): Promise<PostedCard[]> {
    return this.copies.list(subject);
  }

  forget(subject: string): Promise<number> {
    return this.copies.forget(subject);
  }

  /**
   * Puts the current state on every copy of `subject`. `render` is called per copy (for its
   * audience and its conversation's language). One failing copy does not stop the others.
   */
  updateEverywhere(subject: string, render: (copy: PostedCard) => OutgoingActivity | Promise<OutgoingActivity>): Promise<UpdateOutcome> {
    const previous = this.running.get(subject) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.updateAll(subject, render));
    this.running.set(subject, next);
    void next
      .finally(() => {
        if (this.running.get(subject) === next) this.running.delete(subject);
      })
      .catch(() => undefined);
    return next;
  }

  private async updateAll(subject: string, render: (copy: PostedCard) => OutgoingActivity | Promise<OutgoingActivity>): Promise<UpdateOutcome> {
    const outcome: UpdateOutcome = { updated: 0, gone: 0, failed: 0 };
    const gone: PostedCard[] = [];
    for (const copy of await this.copies.list(subject)) {
      try {
        await this.messenger.update(copy.address, copy.activityId, await render(copy));
        outcome.updated += 1;
      } catch (error) {
        if (error instanceof ConversationGoneError) {
          gone.push(copy);
          outcome.gone += 1;
        } else {
          outcome.failed += 1;
          this.log.warn({ err: error, subject, conversationId: copy.address.conversationId }, 'could not update a posted card');
        }
      }
    }
    for (const copy of gone) await this.copies.forgetCopy(copy);
    return outcome;
  }
}

import type { Organisation } from '../../organisation/organisation.js';
import type { Db } from '../../store/db.js';
import type { MilestoneRegister } from './milestone-register.js';

/** What the approval use cases need: plain values, so they run without the bot. */
export interface ApprovalDeps {
  db: Db;
  organisation: Organisation;
  register: MilestoneRegister;
  now(): Date;
}

/** Longest note or comment kept: enough for a real remark, small enough for a card and the archive. */
export const MAX_COMMENT = 2000;

export interface Actor {
  name: string;
  aadObjectId?: string;
  /** Teams user id (MRI). */
  userId?: string;
}

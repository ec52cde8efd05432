import { randomBytes } from 'node:crypto';

/** Short id a user can read out to the helpdesk; the same id is in the log line. */
export function newReferenceId(): string {
  return randomBytes(4).toString('hex').toUpperCase();
}

export interface Migration {
  /** Unique, increasing. Features reserve their own numbers (see migrations/index.ts). */
  id: number;
  name: string;
  sql: string;
}

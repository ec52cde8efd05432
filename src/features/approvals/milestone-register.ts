import { readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { parse } from 'yaml';
import { AppError } from '../../errors/app-error.js';
import { fromRoot } from '../../config/project-root.js';
import type { Sql } from '../../store/db.js';
import { milestoneDefinitionSchema, milestoneFileSchema, type Milestone, type MilestoneDefinition, type MilestoneFile, type MilestoneStatus } from './milestone-schema.js';
import type { ApprovalStatus } from './approval-state.js';

/** Validates one milestones file; the message names the file and the field, for whoever edits the YAML. */
export function parseMilestoneFile(text: string, fileName: string): MilestoneFile {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    throw new Error(`Milestones file ${fileName}: not valid YAML (${(error as Error).message})`, { cause: error });
  }
  const parsed = milestoneFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`Milestones file ${fileName}: ${issue.path.join('.') || '(root)'} ${issue.message}`);
  }
  return parsed.data;
}

export function loadMilestoneFiles(dir: string): MilestoneFile[] {
  const files = readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  const out = files.map((f) => parseMilestoneFile(readFileSync(join(dir, f), 'utf8'), f));
  const gemeenten = new Set<string>();
  for (const file of out) {
    const key = file.gemeente.toLowerCase();
    if (gemeenten.has(key)) throw new Error(`Milestones: gemeente ${file.gemeente} appears in two files`);
    gemeenten.add(key);
  }
  return out;
}

export function normalizeWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

const stopWords = new Set(['de', 'het', 'een', 'van', 'voor', 'en', 'in', 'op', 'aan', 'mijlpaal', 'the', 'of', 'for', 'milestone']);

/** Milestones whose id equals the query, or whose title, id and gemeente contain every word of it (as prefixes). */
export function matchMilestones<T extends Pick<Milestone, 'id' | 'title' | 'gemeente'>>(milestones: readonly T[], query: string): T[] {
  const q = query.trim().toLowerCase();
  const exact = milestones.filter((m) => m.id === q);
  if (exact.length > 0) return exact;
  const words = normalizeWords(query).filter((w) => !stopWords.has(w));
  if (words.length === 0) return [];
  return milestones.filter((m) => {
    const haystack = normalizeWords(`${m.title} ${m.id} ${m.gemeente}`);
    return words.every((w) => haystack.some((h) => h.startsWith(w)));
  });
}

interface OverlayRow {
  gemeente: string;
  milestone_id: string;
  definition: MilestoneDefinition | null;
  planned_date: string | null;
}

interface LatestRequestRow {
  gemeente: string;
  milestone_id: string;
  id: string;
  status: ApprovalStatus;
}

export interface Editor {
  name: string;
  aadObjectId: string;
}

/**
 * The milestone register: YAML files are the seed and definition; milestones added or moved in chat
 * live in the database (so nothing writes YAML at runtime), and the status follows approval decisions.
 */
export class MilestoneRegister {
  private readonly seed = new Map<string, MilestoneFile>();

  constructor(
    files: readonly MilestoneFile[],
    private readonly db: Sql,
  ) {
    for (const file of files) this.seed.set(file.gemeente.toLowerCase(), file);
  }

  /** The gemeente's name as written in its file, when it has a register. */
  gemeenteName(name: string): string | undefined {
    return this.seed.get(name.toLowerCase())?.gemeente;
  }

  async list(gemeenten: readonly string[]): Promise<Milestone[]> {
    const names = gemeenten.map((g) => this.gemeenteName(g) ?? g);
    if (names.length === 0) return [];
    const overlay = await this.db.query<OverlayRow>(`SELECT gemeente, milestone_id, definition, planned_date::text AS planned_date FROM approval_milestones WHERE gemeente = ANY($1::text[])`, [names]);
    const latest = await this.db.query<LatestRequestRow>(
      `SELECT DISTINCT ON (gemeente, milestone_id) gemeente, milestone_id, id, status FROM approval_requests
       WHERE gemeente = ANY($1::text[]) ORDER BY gemeente, milestone_id, requested_at DESC, id`,
      [names],
    );
    const out: Milestone[] = [];
    for (const gemeente of names) {
      const defs = new Map<string, MilestoneDefinition>();
      for (const def of this.seed.get(gemeente.toLowerCase())?.milestones ?? []) defs.set(def.id, def);
      for (const row of overlay.filter((r) => r.gemeente === gemeente)) {
        const base = row.definition ? milestoneDefinitionSchema.parse(row.definition) : defs.get(row.milestone_id);
        if (!base) continue;
        defs.set(row.milestone_id, { ...base, plannedDate: row.planned_date ?? base.plannedDate });
      }
      for (const def of defs.values()) {
        const request = latest.find((r) => r.gemeente === gemeente && r.milestone_id === def.id);
        const effectiveStatus: MilestoneStatus = request && request.status !== 'cancelled' ? request.status : def.status;
        out.push({ ...def, gemeente, effectiveStatus, requestId: request?.id });
      }
    }
    return out.sort((a, b) => a.plannedDate.localeCompare(b.plannedDate) || a.title.localeCompare(b.title));
  }

  async find(gemeente: string, id: string): Promise<Milestone | undefined> {
    return (await this.list([gemeente])).find((m) => m.id === id);
  }

  /**
   * Open milestones worth looking at: those still ahead first (soonest first), then those whose date
   * has passed without an approval.
   */
  async upcoming(gemeenten: readonly string[], today: string, limit = 10): Promise<Milestone[]> {
    const open = (await this.list(gemeenten)).filter((m) => m.effectiveStatus !== 'approved' && m.effectiveStatus !== 'done');
    const ahead = open.filter((m) => m.plannedDate >= today);
    const overdue = open.filter((m) => m.plannedDate < today).reverse();
    return [...ahead, ...overdue].slice(0, limit);
  }

  async add(gemeente: string, definition: MilestoneDefinition, editor: Editor, at: Date): Promise<Milestone> {
    const name = this.gemeenteName(gemeente) ?? gemeente;
    const existing = await this.find(name, definition.id);
    if (existing) throw new AppError('milestone_exists', { status: 409, params: { id: definition.id } });
    await this.db.query(
      `INSERT INTO approval_milestones (gemeente, milestone_id, definition, planned_date, updated_by_name, updated_by_aad, updated_at)
       VALUES ($1, $2, $3::jsonb, NULL, $4, $5, $6)
       ON CONFLICT (gemeente, milestone_id) DO NOTHING`,
      [name, definition.id, JSON.stringify(definition), editor.name, editor.aadObjectId, at],
    );
    return (await this.find(name, definition.id))!;
  }

  async move(milestone: Milestone, plannedDate: string, editor: Editor, at: Date): Promise<Milestone> {
    await this.db.query(
      `INSERT INTO approval_milestones (gemeente, milestone_id, definition, planned_date, updated_by_name, updated_by_aad, updated_at)
       VALUES ($1, $2, NULL, $3::date, $4, $5, $6)
       ON CONFLICT (gemeente, milestone_id) DO UPDATE SET planned_date = EXCLUDED.planned_date,
         updated_by_name = EXCLUDED.updated_by_name, updated_by_aad = EXCLUDED.updated_by_aad, updated_at = EXCLUDED.updated_at`,
      [milestone.gemeente, milestone.id, plannedDate, editor.name, editor.aadObjectId, at],
    );
    return (await this.find(milestone.gemeente, milestone.id))!;
  }
}

/**
 * The register of the configured milestones folder (relative to the project root) over this store.
 * The app builds it once (src/app/) and hands it to every reader; CLIs and tests build their own.
 */
export function configuredMilestoneRegister(milestonesDir: string, db: Sql): MilestoneRegister {
  return new MilestoneRegister(loadMilestoneFiles(isAbsolute(milestonesDir) ? milestonesDir : fromRoot(milestonesDir)), db);
}

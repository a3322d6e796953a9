import type { FactChange, FactsDocument } from './facts.js';
import type { CheckStatus } from './source.js';
import type { SourceKind } from './facts.js';

/** A change as `history --json`, `show --json` and the API print it (CONTRACT.md). */
export interface ChangeRecord {
  id: string;
  sourceId: string;
  url: string;
  detectedAt: string; // ISO date-time
  facts: FactChange[];
  textChanged: boolean;
  /** Null for the first snapshot of a post discovered after its blog's baseline. */
  snapshots: { before: string | null; after: string };
  /**
   * Present (true) only on a technical revision: the same stored page re-read by a newer
   * extractor. Never alerted; listed only when asked for (`history --technical`, `technical=1`).
   */
  technical?: true;
}

/** `show` and `/api/changes/:id`: a change with its text diff and both snapshots' times. */
export interface ChangeDetail extends ChangeRecord {
  textDiff: string; // unified diff of the normalized texts
  beforeAt: string | null;
  afterAt: string;
}

/** A source as `sources --json` and `/api/sources` print it. */
export interface SourceRecord {
  id: string;
  url: string;
  kind: SourceKind;
  name: string | null;
  parentId: string | null;
  origin: 'config' | 'discovered';
  /** Status of the last check, null if never checked; `retired` once no longer configured. */
  status: CheckStatus | 'retired' | null;
  lastCheckedAt: string | null;
  lastSuccessAt: string | null;
  failing: boolean;
  failures: number;
  factCount: number; // non-null facts of the current snapshot
  /** The current snapshot's page language (ISO 639-1), null before one; facts of a language not in LANGUAGES are not read. */
  language: string | null;
  snapshotId: string | null;
  /** When the source was found no longer configured (null while configured). */
  retiredAt: string | null;
}

/** `facts --json` and `/api/facts`: a Facts document with its source and snapshot. */
export interface SourceFacts extends FactsDocument {
  sourceId: string;
  snapshotId: string;
  recordedAt: string;
}

/** `/api/snapshots/:id`. */
export interface SnapshotRecord {
  id: string;
  sourceId: string;
  createdAt: string;
  title: string | null;
  language: string;
  finalUrl: string | null;
  text: string;
  document: FactsDocument;
}

/** What the daemon knows about its check cycles and the database does not (`/metrics`). */
export interface CycleStats {
  /** Cycles run since the process started. */
  cycles: number;
  /** Epoch ms; null before the first cycle. */
  lastCycleStartedAt: number | null;
  /** Duration of the last completed cycle; null before the first one ends. */
  lastCycleDurationMs: number | null;
  /** Whether a cycle is in flight. */
  running: boolean;
  /** When the daemon started (epoch ms). */
  startedAt?: number;
  /** When the last cycle ended (epoch ms); null before the first one ends. */
  lastCycleEndedAt?: number | null;
}

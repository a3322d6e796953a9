import type { Db } from '../store/open-database.js';
import type { Config } from '../domain/config.js';
import type { Source } from '../domain/source.js';
import type { FactChange, Facts, FactsDocument } from '../domain/facts.js';
import { diffFacts } from '../diff/diff-facts.js';
import { diffText } from '../diff/diff-text.js';
import { compressText } from '../store/compress.js';
import { insertChange, insertReading } from '../store/snapshot-rows.js';
import { recordAnnouncement } from './send-due-announcements.js';
import { enqueue, eventChange, eventSource, type AlertConfig } from './alert-events.js';

/** The reading a new one is compared with: the source's current snapshot (a fetch) or the reading re-read. */
export interface PreviousReading {
  id: number;
  facts: Facts;
  textHash: string;
  /** Its text as stored (compressed): copied when the new text is the same. */
  compressedText: Buffer;
  /** Its text, asked for only when the new text differs (the text diff). */
  text: () => string;
}

/** Where a reading comes from, and so what it may alert. */
export type ReadingOrigin =
  /**
   * A page fetched now. Its change alerts. With no previous reading it is a baseline (no alert)
   * unless `discovered` (a post found after its blog's baseline: news).
   */
  | { technical: false; alerts: AlertConfig; discovered: boolean }
  /**
   * A stored page re-read by a newer extractor: a revision of `revisionOf` (the snapshot first
   * recorded from that fetch), its change marked technical, never alerted.
   */
  | { technical: true; revisionOf: number };

export interface NewReading {
  source: Pick<Source, 'id' | 'url' | 'name'>;
  at: number;
  /** The stored page read. */
  contentId: number;
  document: Pick<FactsDocument, 'title' | 'language' | 'facts' | 'evidence'>;
  /** The normalized text and its hash. */
  text: string;
  textHash: string;
  finalUrl: string | null;
  extractorVersion: number;
  /** What the change is diffed against; null for a source's first snapshot. */
  previous: PreviousReading | null;
  /** Whether the reading is (becomes) its source's current one: its announced date is then recorded. The caller moves the pointer. */
  current: boolean;
  /**
   * The previous reading kept as it was (the extractor cannot read the stored page): its facts and
   * evidence JSON, copied byte for byte with the new version, so it is not re-read at every start.
   */
  kept?: { facts: string; evidence: string };
  origin: ReadingOrigin;
}

export interface RecordedReading {
  snapshotId: number;
  /** The change recorded with the reading; null when none was (equal readings, a baseline). */
  changeId: number | null;
  factChanges: FactChange[];
  textChanged: boolean;
}

/**
 * Records one reading of a page, from a fetch or a technical re-read alike: the snapshot row, its
 * announced date, the change from the previous reading and, for a fetch only, the change's alerts.
 * Runs inside the caller's transaction, so the reading and its alerts commit together.
 */
export function recordReading(ctx: { db: Db; config: Pick<Config, 'timezone'> }, reading: NewReading): RecordedReading {
  const { db } = ctx;
  const { source, at, previous, origin, document: doc } = reading;
  const textChanged = previous !== null && previous.textHash !== reading.textHash;
  const snapshotId = insertReading(db, {
    sourceId: source.id, contentId: reading.contentId, createdAt: at, textHash: reading.textHash,
    // The same text is the same bytes: copied, not compressed again.
    text: previous && !textChanged ? previous.compressedText : compressText(reading.text),
    title: doc.title, language: doc.language,
    facts: reading.kept?.facts ?? JSON.stringify(doc.facts), evidence: reading.kept?.evidence ?? JSON.stringify(doc.evidence),
    finalUrl: reading.finalUrl, extractorVersion: reading.extractorVersion,
    revisionOf: origin.technical ? origin.revisionOf : null,
  });
  const upcoming = doc.facts.upcomingEffectiveDate;
  const news = !origin.technical && (previous !== null || origin.discovered);
  // An announcement only a newer extractor reads is still owed its due date; a kept reading's was recorded when first read.
  if (reading.current && upcoming && !reading.kept) recordAnnouncement(ctx, source.id, upcoming, snapshotId, at, !news);

  if (previous) {
    const factChanges = diffFacts(previous.facts, doc.facts);
    if (factChanges.length === 0 && !textChanged) return { snapshotId, changeId: null, factChanges, textChanged };
    const patch = textChanged ? diffText(previous.text(), reading.text, { before: `snapshot ${previous.id}`, after: `snapshot ${snapshotId}` }).patch : '';
    const changeId = insertChange(db, {
      sourceId: source.id, detectedAt: at, beforeSnapshotId: previous.id, afterSnapshotId: snapshotId,
      facts: factChanges, factNames: factChanges.map((c) => c.fact).join(' '), textChanged,
      textDiff: patch ? compressText(patch) : null, technical: origin.technical,
    });
    if (!origin.technical) {
      const alert = { db, config: origin.alerts };
      const change = eventChange(alert, changeId, at, factChanges, doc.evidence);
      const about = eventSource(alert, source);
      if (factChanges.length > 0) enqueue(alert, { event: 'facts.changed', source: about, change }, at);
      if (textChanged) enqueue(alert, { event: 'text.changed', source: about, change }, at);
      if (upcoming && upcoming !== previous.facts.upcomingEffectiveDate) enqueue(alert, { event: 'announcement.detected', source: about, change }, at);
    }
    return { snapshotId, changeId, factChanges, textChanged };
  }
  if (news && upcoming) {
    // A discovered post's announcement: a real change row with no before snapshot, so the alert's id opens in show, the API and the web page.
    const alert = { db, config: origin.alerts };
    const factChanges: FactChange[] = [{ fact: 'upcomingEffectiveDate', before: null, after: upcoming }];
    const changeId = insertChange(db, {
      sourceId: source.id, detectedAt: at, beforeSnapshotId: null, afterSnapshotId: snapshotId,
      facts: factChanges, factNames: 'upcomingEffectiveDate', textChanged: false, textDiff: null,
    });
    enqueue(alert, { event: 'announcement.detected', source: eventSource(alert, source), change: eventChange(alert, changeId, at, factChanges, doc.evidence) }, at);
    return { snapshotId, changeId, factChanges, textChanged: false };
  }
  return { snapshotId, changeId: null, factChanges: [], textChanged: false };
}

import type { Source } from '../domain/source.js';
import type { Config } from '../domain/config.js';
import type { Db } from '../store/open-database.js';
import { insertAnnouncement, listDueAnnouncements, markAnnouncementDue } from '../store/announcement-rows.js';
import { enqueue, eventSource } from './alert-events.js';
import { localDate } from '../domain/local-date.js';

interface AnnounceContext {
  db: Db;
  config: Pick<Config, 'timezone' | 'webhooks' | 'api'>;
}

/**
 * Records an announced `upcomingEffectiveDate` the first time a snapshot states it. A date not yet
 * reached comes due later (`sendDueAnnouncements`). A date already reached when first seen is owed
 * now, and the check recording it sends `announcement.due` (a banner first read after its date: the
 * change is in force, and the user has not heard it), unless `quiet`: a technical re-read (never
 * alerted) or a baseline (what a page said before it was watched is no news). A quiet one is
 * recorded as settled (`due_sent_at` set, no event).
 */
export function recordAnnouncement(
  ctx: { db: Db; config: Pick<Config, 'timezone'> }, sourceId: string, date: string, snapshotId: number, at: number, quiet: boolean,
): void {
  const settled = quiet && date <= localDate(at, ctx.config.timezone);
  insertAnnouncement(ctx.db, { sourceId, date, firstSeenAt: at, snapshotId, dueSentAt: settled ? at : null });
}

/**
 * Sends `announcement.due` for each of the source's announced dates reached by `at` (in the
 * config's timezone) and not yet sent. Runs inside the check's transaction: the mark and the
 * outbox rows commit together, so the event goes out once, across checks and restarts.
 */
export function sendDueAnnouncements(ctx: AnnounceContext, source: Pick<Source, 'id' | 'url' | 'name'>, at: number): number {
  const due = listDueAnnouncements(ctx.db, source.id, localDate(at, ctx.config.timezone));
  for (const announcement of due) {
    if (!markAnnouncementDue(ctx.db, announcement.id, at)) continue;
    enqueue(ctx, {
      event: 'announcement.due', source: eventSource(ctx, source),
      announcement: { date: announcement.date, firstSeenAt: announcement.firstSeenAt, snapshotId: announcement.snapshotId },
    }, at);
  }
  return due.length;
}

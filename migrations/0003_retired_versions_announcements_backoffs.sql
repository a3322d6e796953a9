CREATE TABLE `announcements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source_id` text NOT NULL,
	`date` text NOT NULL,
	`first_seen_at` integer NOT NULL,
	`snapshot_id` integer,
	`due_sent_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `announcements_source_date` ON `announcements` (`source_id`,`date`);--> statement-breakpoint
CREATE TABLE `host_backoffs` (
	`host` text PRIMARY KEY NOT NULL,
	`until` integer NOT NULL,
	`reason` text NOT NULL,
	`set_at` integer NOT NULL
);
--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source_id` text NOT NULL,
	`detected_at` integer NOT NULL,
	`before_snapshot_id` integer,
	`after_snapshot_id` integer NOT NULL,
	`facts` text NOT NULL,
	`fact_names` text NOT NULL,
	`text_changed` integer NOT NULL,
	`text_diff` blob,
	`technical` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`before_snapshot_id`) REFERENCES `snapshots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`after_snapshot_id`) REFERENCES `snapshots`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_changes`("id", "source_id", "detected_at", "before_snapshot_id", "after_snapshot_id", "facts", "fact_names", "text_changed", "text_diff", "technical") SELECT "id", "source_id", "detected_at", "before_snapshot_id", "after_snapshot_id", "facts", "fact_names", "text_changed", "text_diff", 0 FROM `changes`;--> statement-breakpoint
DROP TABLE `changes`;--> statement-breakpoint
ALTER TABLE `__new_changes` RENAME TO `changes`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `changes_detected` ON `changes` (`detected_at`);--> statement-breakpoint
CREATE INDEX `changes_source_detected` ON `changes` (`source_id`,`detected_at`);--> statement-breakpoint
ALTER TABLE `snapshots` ADD `extractor_version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `snapshots` ADD `revision_of` integer;--> statement-breakpoint
ALTER TABLE `sources` ADD `retired` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `sources` ADD `retired_at` integer;
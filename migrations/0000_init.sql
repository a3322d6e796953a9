CREATE TABLE `changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source_id` text NOT NULL,
	`detected_at` integer NOT NULL,
	`before_snapshot_id` integer NOT NULL,
	`after_snapshot_id` integer NOT NULL,
	`facts` text NOT NULL,
	`fact_names` text NOT NULL,
	`text_changed` integer NOT NULL,
	`text_diff` blob,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`before_snapshot_id`) REFERENCES `snapshots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`after_snapshot_id`) REFERENCES `snapshots`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `changes_detected` ON `changes` (`detected_at`);--> statement-breakpoint
CREATE INDEX `changes_source_detected` ON `changes` (`source_id`,`detected_at`);--> statement-breakpoint
CREATE TABLE `checks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source_id` text NOT NULL,
	`at` integer NOT NULL,
	`duration_ms` integer NOT NULL,
	`status` text NOT NULL,
	`http_status` integer,
	`reason` text,
	`snapshot_id` integer
);
--> statement-breakpoint
CREATE INDEX `checks_source_at` ON `checks` (`source_id`,`at`);--> statement-breakpoint
CREATE TABLE `contents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`hash` text NOT NULL,
	`html` blob NOT NULL,
	`size` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contents_hash` ON `contents` (`hash`);--> statement-breakpoint
CREATE TABLE `deliveries` (
	`id` text PRIMARY KEY NOT NULL,
	`webhook` text NOT NULL,
	`event` text NOT NULL,
	`source_id` text,
	`change_id` integer,
	`body` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`last_http_status` integer,
	`created_at` integer NOT NULL,
	`delivered_at` integer
);
--> statement-breakpoint
CREATE INDEX `deliveries_status_next` ON `deliveries` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `snapshots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source_id` text NOT NULL,
	`content_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`text_hash` text NOT NULL,
	`text` blob NOT NULL,
	`title` text,
	`language` text NOT NULL,
	`facts` text NOT NULL,
	`evidence` text NOT NULL,
	`final_url` text,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`content_id`) REFERENCES `contents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `snapshots_source` ON `snapshots` (`source_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `sources` (
	`id` text PRIMARY KEY NOT NULL,
	`url` text NOT NULL,
	`kind` text NOT NULL,
	`name` text,
	`parent_id` text,
	`origin` text DEFAULT 'config' NOT NULL,
	`created_at` integer NOT NULL,
	`last_checked_at` integer,
	`last_status` text,
	`last_success_at` integer,
	`failures` integer DEFAULT 0 NOT NULL,
	`failing` integer DEFAULT false NOT NULL,
	`etag` text,
	`last_modified` text,
	`body_hash` text,
	`current_snapshot_id` integer
);

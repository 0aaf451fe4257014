CREATE TABLE `alert_hits` (
	`id` text PRIMARY KEY NOT NULL,
	`profile_id` text NOT NULL,
	`matched_id` text NOT NULL,
	`score` real NOT NULL,
	`created_at` text NOT NULL,
	`sent_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `alert_hits_pair` ON `alert_hits` (`profile_id`,`matched_id`);--> statement-breakpoint
CREATE TABLE `alerts` (
	`profile_id` text PRIMARY KEY NOT NULL,
	`mode` text NOT NULL,
	`threshold` real NOT NULL,
	`last_digest_at` text,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `audit` (
	`id` text PRIMARY KEY NOT NULL,
	`at` text NOT NULL,
	`actor_id` text NOT NULL,
	`action` text NOT NULL,
	`target_type` text NOT NULL,
	`target_id` text NOT NULL,
	`detail` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_at` ON `audit` (`at`);--> statement-breakpoint
CREATE TABLE `feedback` (
	`id` text PRIMARY KEY NOT NULL,
	`introduction_id` text NOT NULL,
	`side` text NOT NULL,
	`months` integer NOT NULL,
	`level` integer NOT NULL,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `feedback_once` ON `feedback` (`introduction_id`,`side`,`months`);--> statement-breakpoint
CREATE TABLE `interests` (
	`id` text PRIMARY KEY NOT NULL,
	`planche_id` text NOT NULL,
	`partner_id` text NOT NULL,
	`user_id` text NOT NULL,
	`answers` text NOT NULL,
	`status` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `interests_status` ON `interests` (`status`);--> statement-breakpoint
CREATE TABLE `introduction_events` (
	`id` text PRIMARY KEY NOT NULL,
	`introduction_id` text NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`from_phase` text,
	`to_phase` text NOT NULL,
	`note` text
);
--> statement-breakpoint
CREATE INDEX `introduction_events_intro` ON `introduction_events` (`introduction_id`);--> statement-breakpoint
CREATE TABLE `introductions` (
	`id` text PRIMARY KEY NOT NULL,
	`mali_id` text NOT NULL,
	`partner_id` text NOT NULL,
	`phase` text NOT NULL,
	`data` text NOT NULL,
	`version` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `introductions_pair` ON `introductions` (`mali_id`,`partner_id`);--> statement-breakpoint
CREATE INDEX `introductions_phase` ON `introductions` (`phase`);--> statement-breakpoint
CREATE TABLE `job_marks` (
	`key` text PRIMARY KEY NOT NULL,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`to` text NOT NULL,
	`subject` text NOT NULL,
	`text` text NOT NULL,
	`html` text NOT NULL,
	`headers` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text NOT NULL,
	`last_error` text,
	`created_at` text NOT NULL,
	`sent_at` text
);
--> statement-breakpoint
CREATE INDEX `outbox_due` ON `outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `rate_limits` (
	`key` text PRIMARY KEY NOT NULL,
	`window_start` integer NOT NULL,
	`count` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `reviews` (
	`id` text PRIMARY KEY NOT NULL,
	`profile_id` text NOT NULL,
	`decision` text NOT NULL,
	`reason` text,
	`quality` text,
	`staff_id` text NOT NULL,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `reviews_profile` ON `reviews` (`profile_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id_hash` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`csrf` text NOT NULL,
	`expires_at` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sessions_user` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `tokens` (
	`nonce` text PRIMARY KEY NOT NULL,
	`purpose` text NOT NULL,
	`subject` text NOT NULL,
	`expires_at` text NOT NULL,
	`used_at` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`role` text NOT NULL,
	`language` text DEFAULT 'fr' NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email` ON `users` (`email`);
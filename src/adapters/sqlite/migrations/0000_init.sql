CREATE TABLE `profiles` (
	`id` text PRIMARY KEY NOT NULL,
	`side` text NOT NULL,
	`status` text NOT NULL,
	`owner_id` text,
	`name` text NOT NULL,
	`country` text NOT NULL,
	`level` text NOT NULL,
	`region_code` text,
	`cercle_code` text,
	`population` integer,
	`data` text NOT NULL,
	`contact` text NOT NULL,
	`version` integer NOT NULL,
	`indexed_version` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`published_at` text,
	`expires_at` text
);
--> statement-breakpoint
CREATE INDEX `profiles_side_status` ON `profiles` (`side`,`status`);--> statement-breakpoint
CREATE INDEX `profiles_owner` ON `profiles` (`owner_id`);--> statement-breakpoint
CREATE INDEX `profiles_pending_index` ON `profiles` (`indexed_version`,`version`);--> statement-breakpoint
CREATE TABLE `ref_france` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`name_norm` text NOT NULL,
	`population` integer,
	`departement_code` text,
	`region_code` text,
	`region_name` text
);
--> statement-breakpoint
CREATE INDEX `ref_france_name` ON `ref_france` (`name_norm`);--> statement-breakpoint
CREATE INDEX `ref_france_code` ON `ref_france` (`code`);--> statement-breakpoint
CREATE TABLE `ref_mali` (
	`pcode` text PRIMARY KEY NOT NULL,
	`level` text NOT NULL,
	`name` text NOT NULL,
	`name_norm` text NOT NULL,
	`population` integer,
	`cercle_code` text,
	`cercle_name` text,
	`region_code` text,
	`region_name` text,
	`region_2023` text,
	`lat` real,
	`lon` real
);
--> statement-breakpoint
CREATE INDEX `ref_mali_name` ON `ref_mali` (`name_norm`);--> statement-breakpoint
CREATE TABLE `seed_state` (
	`source` text PRIMARY KEY NOT NULL,
	`hash` text NOT NULL,
	`rows` integer NOT NULL,
	`loaded_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `ties` (
	`id` text PRIMARY KEY NOT NULL,
	`french_code` text,
	`french_norm` text NOT NULL,
	`malian_code` text,
	`malian_norm` text NOT NULL,
	`data` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `ties_french` ON `ties` (`french_code`);--> statement-breakpoint
CREATE INDEX `ties_malian` ON `ties` (`malian_code`);
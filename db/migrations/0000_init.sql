CREATE TABLE `analytics_snapshots` (
	`rubric_id` integer PRIMARY KEY NOT NULL,
	`data_version` text NOT NULL,
	`payload` blob NOT NULL,
	FOREIGN KEY (`rubric_id`) REFERENCES `rubrics`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `app_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `application_area_scores` (
	`application_id` text NOT NULL,
	`area_id` integer NOT NULL,
	`rating_sum` real NOT NULL,
	`ratings` integer NOT NULL,
	`minutes` integer,
	PRIMARY KEY(`application_id`, `area_id`),
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`area_id`) REFERENCES `rubric_areas`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `applications` (
	`id` text PRIMARY KEY NOT NULL,
	`candidate_id` text NOT NULL,
	`requisition_id` text NOT NULL,
	`applied_at` text NOT NULL,
	`decision` text NOT NULL,
	`source` text,
	`metro` text,
	`self_id_group` text,
	FOREIGN KEY (`candidate_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requisition_id`) REFERENCES `requisitions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `applications_requisition` ON `applications` (`requisition_id`);--> statement-breakpoint
CREATE INDEX `applications_applied_at` ON `applications` (`applied_at`);--> statement-breakpoint
CREATE INDEX `applications_candidate` ON `applications` (`candidate_id`);--> statement-breakpoint
CREATE TABLE `benchmarks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`metric` text NOT NULL,
	`level` text,
	`metro` text,
	`value` real,
	`low` real,
	`high` real,
	`unit` text NOT NULL,
	`source` text NOT NULL,
	`source_date` text NOT NULL,
	`note` text
);
--> statement-breakpoint
CREATE TABLE `candidates` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text,
	`background` text
);
--> statement-breakpoint
CREATE TABLE `employments` (
	`application_id` text PRIMARY KEY NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text,
	`departure` text,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "employments_end_after_start" CHECK("employments"."end_date" IS NULL OR "employments"."end_date" >= "employments"."start_date")
);
--> statement-breakpoint
CREATE TABLE `interviewers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`handle` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `interviewers_handle_unique` ON `interviewers` (`handle`);--> statement-breakpoint
CREATE TABLE `offers` (
	`application_id` text PRIMARY KEY NOT NULL,
	`salary` real,
	`currency` text DEFAULT 'USD' NOT NULL,
	`accepted_at` text,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "offers_salary_positive" CHECK("offers"."salary" IS NULL OR "offers"."salary" > 0)
);
--> statement-breakpoint
CREATE TABLE `requisitions` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text,
	`level` text NOT NULL,
	`hire_type` text,
	`opened_at` text,
	`rubric_id` integer NOT NULL,
	`owner_user_id` integer,
	FOREIGN KEY (`rubric_id`) REFERENCES `rubrics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `requisitions_level` ON `requisitions` (`level`);--> statement-breakpoint
CREATE TABLE `rubric_areas` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`rubric_id` integer NOT NULL,
	`key` text NOT NULL,
	`name` text NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`rubric_id`) REFERENCES `rubrics`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rubric_areas_rubric_key` ON `rubric_areas` (`rubric_id`,`key`);--> statement-breakpoint
CREATE TABLE `rubric_level_weights` (
	`area_id` integer NOT NULL,
	`level` text NOT NULL,
	`weight` real NOT NULL,
	PRIMARY KEY(`area_id`, `level`),
	FOREIGN KEY (`area_id`) REFERENCES `rubric_areas`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "rubric_level_weights_weight" CHECK("rubric_level_weights"."weight" >= 0 AND "rubric_level_weights"."weight" <= 1)
);
--> statement-breakpoint
CREATE TABLE `rubric_red_flags` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`rubric_id` integer NOT NULL,
	`key` text NOT NULL,
	`name` text NOT NULL,
	FOREIGN KEY (`rubric_id`) REFERENCES `rubrics`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rubric_red_flags_rubric_key` ON `rubric_red_flags` (`rubric_id`,`key`);--> statement-breakpoint
CREATE TABLE `rubrics` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rubrics_key_unique` ON `rubrics` (`key`);--> statement-breakpoint
CREATE TABLE `scores` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`application_id` text NOT NULL,
	`area_id` integer NOT NULL,
	`interviewer_id` integer NOT NULL,
	`rating` real NOT NULL,
	`interviewed_at` text,
	`minutes` integer,
	`red_flags` text DEFAULT '[]' NOT NULL,
	`note` text,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`area_id`) REFERENCES `rubric_areas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`interviewer_id`) REFERENCES `interviewers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "scores_rating_range" CHECK("scores"."rating" >= 1 AND "scores"."rating" <= 4)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scores_application_area_interviewer` ON `scores` (`application_id`,`area_id`,`interviewer_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text,
	`role` text NOT NULL,
	`password_hash` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);
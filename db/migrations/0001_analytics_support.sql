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
ALTER TABLE `applications` ADD `self_id_group` text;--> statement-breakpoint
INSERT INTO `application_area_scores` (`application_id`, `area_id`, `rating_sum`, `ratings`, `minutes`)
SELECT `application_id`, `area_id`, sum(`rating`), count(*), sum(`minutes`) FROM `scores` GROUP BY `application_id`, `area_id`;

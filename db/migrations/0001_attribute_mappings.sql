CREATE TABLE `attribute_mappings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`rubric_id` integer NOT NULL,
	`source` text NOT NULL,
	`attribute` text NOT NULL,
	`attribute_key` text NOT NULL,
	`area_id` integer,
	FOREIGN KEY (`rubric_id`) REFERENCES `rubrics`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`area_id`) REFERENCES `rubric_areas`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `attribute_mappings_source_key` ON `attribute_mappings` (`rubric_id`,`source`,`attribute_key`);
CREATE TABLE `analytics_snapshots` (
	`rubric_id` integer PRIMARY KEY NOT NULL,
	`data_version` text NOT NULL,
	`payload` blob NOT NULL,
	FOREIGN KEY (`rubric_id`) REFERENCES `rubrics`(`id`) ON UPDATE no action ON DELETE cascade
);

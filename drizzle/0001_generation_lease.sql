DROP INDEX `generation_status_idx`;--> statement-breakpoint
ALTER TABLE `generation` ADD `lease_expires_at` integer;--> statement-breakpoint
ALTER TABLE `generation` ADD `unanswered_calls` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `generation` ADD `provider_result` text;--> statement-breakpoint
CREATE INDEX `generation_status_lease_idx` ON `generation` (`status`,`lease_expires_at`);
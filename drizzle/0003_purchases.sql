CREATE TABLE `purchase` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`workflow` text NOT NULL,
	`pack` text NOT NULL,
	`credits` integer NOT NULL,
	`amount` integer NOT NULL,
	`currency` text NOT NULL,
	`status` text NOT NULL,
	`payment_intent_id` text,
	`credits_taken_back` integer DEFAULT 0 NOT NULL,
	`shortfall` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	`completed_at` integer,
	`reversed_at` integer,
	CONSTRAINT "purchase_credits_positive" CHECK("purchase"."credits" > 0),
	CONSTRAINT "purchase_reversal_bounded" CHECK("purchase"."credits_taken_back" + "purchase"."shortfall" BETWEEN 0 AND "purchase"."credits")
);
--> statement-breakpoint
CREATE INDEX `purchase_user_created_idx` ON `purchase` (`user_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `purchase_payment_intent_idx` ON `purchase` (`payment_intent_id`);--> statement-breakpoint
CREATE INDEX `purchase_completed_idx` ON `purchase` (`completed_at`);
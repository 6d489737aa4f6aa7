ALTER TABLE "transfers" ADD COLUMN "resolution" varchar(16);--> statement-breakpoint
ALTER TABLE "transfers" ADD COLUMN "resolution_note" varchar(200);--> statement-breakpoint
ALTER TABLE "transfers" ADD COLUMN "resolved_by" uuid;--> statement-breakpoint
ALTER TABLE "transfers" ADD COLUMN "resolved_at" timestamp with time zone;
ALTER TYPE "public"."role" ADD VALUE 'owner';--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "age_check";--> statement-breakpoint
DROP INDEX "posts_author_idx";--> statement-breakpoint
ALTER TABLE "posts" ALTER COLUMN "body" SET DATA TYPE varchar(4000);--> statement-breakpoint
ALTER TABLE "posts" ALTER COLUMN "body" SET DEFAULT '';--> statement-breakpoint
ALTER TABLE "posts" ALTER COLUMN "body" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "updated_at" SET DATA TYPE timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "nickname" varchar(50) DEFAULT 'anon';--> statement-breakpoint
CREATE UNIQUE INDEX "posts_title_idx" ON "posts" USING btree ("title");--> statement-breakpoint
CREATE INDEX "posts_author_idx" ON "posts" USING btree ("author_id","created_at");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "age_check" CHECK ("users"."age" >= 18);
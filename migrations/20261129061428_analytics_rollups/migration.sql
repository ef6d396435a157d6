CREATE TABLE "analytics_lead_replies" (
	"dispatch_id" uuid PRIMARY KEY,
	"case_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"month" date NOT NULL,
	"replied_at" timestamp with time zone NOT NULL,
	"protection" boolean NOT NULL,
	"follow_up_respondent" text,
	"follow_up_resolved" boolean,
	"follow_up_satisfaction" text,
	"rereported_by" uuid
);
--> statement-breakpoint
CREATE TABLE "case_daily_stats" (
	"day" date NOT NULL,
	"category_id" uuid NOT NULL,
	"district_id" uuid,
	"domain" text NOT NULL,
	"urgency" text NOT NULL,
	"channel" text NOT NULL,
	"kind" text NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "case_daily_stats_key" UNIQUE NULLS NOT DISTINCT("day","category_id","district_id","domain","urgency","channel","kind")
);
--> statement-breakpoint
CREATE TABLE "case_monthly_category_district" (
	"month" date NOT NULL,
	"category_id" uuid NOT NULL,
	"district_id" uuid,
	"received" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "case_monthly_category_district_key" UNIQUE NULLS NOT DISTINCT("month","category_id","district_id")
);
--> statement-breakpoint
CREATE TABLE "case_monthly_stats" (
	"month" date NOT NULL,
	"category_id" uuid NOT NULL,
	"district_id" uuid,
	"domain" text NOT NULL,
	"urgency" text NOT NULL,
	"channel" text NOT NULL,
	"kind" text NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "case_monthly_stats_key" UNIQUE NULLS NOT DISTINCT("month","category_id","district_id","domain","urgency","channel","kind")
);
--> statement-breakpoint
CREATE TABLE "department_monthly_stats" (
	"month" date,
	"department_id" uuid,
	"dispatched" integer DEFAULT 0 NOT NULL,
	"lead_dispatched" integer DEFAULT 0 NOT NULL,
	"response_due" integer DEFAULT 0 NOT NULL,
	"response_on_time" integer DEFAULT 0 NOT NULL,
	"accepted" integer DEFAULT 0 NOT NULL,
	"accept_seconds" double precision DEFAULT 0 NOT NULL,
	"replied" integer DEFAULT 0 NOT NULL,
	"replied_on_time" integer DEFAULT 0 NOT NULL,
	"reply_seconds" double precision DEFAULT 0 NOT NULL,
	"lead_replied" integer DEFAULT 0 NOT NULL,
	"judged" integer DEFAULT 0 NOT NULL,
	"resolved" integer DEFAULT 0 NOT NULL,
	"satisfaction_answers" integer DEFAULT 0 NOT NULL,
	"satisfied" integer DEFAULT 0 NOT NULL,
	"excluded_guardian" integer DEFAULT 0 NOT NULL,
	"rereported" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "department_monthly_stats_pkey" PRIMARY KEY("month","department_id")
);
--> statement-breakpoint
CREATE TABLE "dispatch_daily_stats" (
	"day" date NOT NULL,
	"department_id" uuid NOT NULL,
	"role" text NOT NULL,
	"category_id" uuid NOT NULL,
	"district_id" uuid,
	"domain" text NOT NULL,
	"urgency" text NOT NULL,
	"channel" text NOT NULL,
	"kind" text NOT NULL,
	"dispatched" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "dispatch_daily_stats_key" UNIQUE NULLS NOT DISTINCT("day","department_id","role","category_id","district_id","domain","urgency","channel","kind")
);
--> statement-breakpoint
CREATE TABLE "dispatch_monthly_stats" (
	"month" date NOT NULL,
	"department_id" uuid NOT NULL,
	"role" text NOT NULL,
	"category_id" uuid NOT NULL,
	"district_id" uuid,
	"domain" text NOT NULL,
	"urgency" text NOT NULL,
	"channel" text NOT NULL,
	"kind" text NOT NULL,
	"dispatched" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "dispatch_monthly_stats_key" UNIQUE NULLS NOT DISTINCT("month","department_id","role","category_id","district_id","domain","urgency","channel","kind")
);
--> statement-breakpoint
CREATE INDEX "analytics_lead_replies_case_idx" ON "analytics_lead_replies" ("case_id");--> statement-breakpoint
CREATE INDEX "analytics_lead_replies_rereported_idx" ON "analytics_lead_replies" ("rereported_by");
CREATE TABLE "hotspot_street_cases" (
	"case_id" uuid PRIMARY KEY,
	"received_at" timestamp with time zone NOT NULL,
	"category_id" uuid NOT NULL,
	"district_id" uuid,
	"street_key" text NOT NULL,
	"street" text NOT NULL,
	"merge_group_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hotspot_subject_cases" (
	"case_id" uuid,
	"subject_id" uuid,
	"subject_kind" text NOT NULL,
	"subject_district_id" uuid,
	"case_district_id" uuid,
	"received_at" timestamp with time zone NOT NULL,
	"category_id" uuid NOT NULL,
	"merge_group_id" uuid NOT NULL,
	CONSTRAINT "hotspot_subject_cases_pkey" PRIMARY KEY("case_id","subject_id")
);
--> statement-breakpoint
CREATE INDEX "hotspot_street_cases_received_idx" ON "hotspot_street_cases" ("received_at");--> statement-breakpoint
CREATE INDEX "hotspot_subject_cases_received_idx" ON "hotspot_subject_cases" ("received_at");
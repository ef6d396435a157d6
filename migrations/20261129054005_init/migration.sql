CREATE TABLE "calendar_days" (
	"day" date PRIMARY KEY,
	"kind" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	CONSTRAINT "calendar_days_kind_check" CHECK ("kind" IN ('HOLIDAY', 'WORKDAY'))
);
--> statement-breakpoint
CREATE TABLE "case_categories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"code" text NOT NULL UNIQUE,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"parent_id" uuid,
	"default_urgency" text,
	"suggested_department_kinds" text[] DEFAULT '{}'::text[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_categories_default_urgency_check" CHECK ("default_urgency" IN ('IMMEDIATE', 'URGENT', 'NORMAL') OR "default_urgency" IS NULL)
);
--> statement-breakpoint
CREATE TABLE "departments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"code" text NOT NULL UNIQUE,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"kind" text NOT NULL,
	"district_id" uuid,
	"parent_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "departments_kind_check" CHECK ("kind" IN ('PUBLIC_SECURITY', 'CIVIL_AFFAIRS', 'EDUCATION', 'HEALTH', 'CYBERSPACE', 'PROCURATORATE', 'COURT', 'WOMENS_FEDERATION', 'YOUTH_LEAGUE', 'DISTRICT_GOVERNMENT', 'STREET_OFFICE', 'OTHER')),
	CONSTRAINT "departments_not_own_parent" CHECK ("parent_id" IS NULL OR "parent_id" <> "id")
);
--> statement-breakpoint
CREATE TABLE "districts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"code" text NOT NULL UNIQUE,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY,
	"value" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sla_policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"phase" text NOT NULL,
	"urgency" text NOT NULL,
	"amount" integer NOT NULL,
	"unit" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sla_policies_phase_check" CHECK ("phase" IN ('DISPATCH', 'ACCEPT', 'REPLY')),
	CONSTRAINT "sla_policies_urgency_check" CHECK ("urgency" IN ('IMMEDIATE', 'URGENT', 'NORMAL')),
	CONSTRAINT "sla_policies_unit_check" CHECK ("unit" IN ('HOURS', 'WORKING_DAYS')),
	CONSTRAINT "sla_policies_amount_positive" CHECK ("amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"department_id" uuid,
	"scopes" text[] DEFAULT '{}'::text[] NOT NULL,
	"token_hash" text NOT NULL UNIQUE,
	"token_prefix" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by_id" uuid,
	"revoked_at" timestamp with time zone,
	"revoked_by_id" uuid,
	"last_used_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "api_tokens_kind_check" CHECK ("kind" IN ('DEPARTMENT', 'INTAKE')),
	CONSTRAINT "api_tokens_department_kind" CHECK (("kind" = 'DEPARTMENT') = ("department_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_id" uuid,
	"actor_label" text NOT NULL,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" uuid,
	"fields" text[] DEFAULT '{}'::text[] NOT NULL,
	"detail" jsonb,
	"request_id" text,
	CONSTRAINT "audit_events_actor_kind_check" CHECK ("actor_kind" IN ('USER', 'TOKEN', 'PUBLIC', 'SYSTEM'))
);
--> statement-breakpoint
CREATE TABLE "login_attempts" (
	"username" text PRIMARY KEY,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_started_at" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"user_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"username" text NOT NULL UNIQUE,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"roles" text[] NOT NULL,
	"department_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"password_changed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_roles_check" CHECK ("roles" <@ ARRAY['OPERATOR','SUPERVISOR','DEPARTMENT_HANDLER','ANALYST','REWARD_SECRETARY','COMMITTEE_MEMBER','COMMITTEE_CHAIR','ADMIN']::text[] AND cardinality("roles") > 0),
	CONSTRAINT "users_handler_has_department" CHECK (NOT ('DEPARTMENT_HANDLER' = ANY("roles")) OR "department_id" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "case_code_counters" (
	"scope" text,
	"day" date,
	"last_seq" integer NOT NULL,
	CONSTRAINT "case_code_counters_pkey" PRIMARY KEY("scope","day")
);
--> statement-breakpoint
CREATE TABLE "case_subjects" (
	"case_id" uuid,
	"subject_id" uuid,
	"role" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_subjects_pkey" PRIMARY KEY("case_id","subject_id","role"),
	CONSTRAINT "case_subjects_role_check" CHECK ("role" IN ('VICTIM', 'ALLEGED_PERPETRATOR', 'GUARDIAN', 'INVOLVED', 'LOCATION'))
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"code" text NOT NULL UNIQUE,
	"channel" text NOT NULL,
	"kind" text NOT NULL,
	"category_id" uuid NOT NULL,
	"domain" text NOT NULL,
	"urgency" text NOT NULL,
	"guardian_involved" boolean DEFAULT false NOT NULL,
	"perpetrator_relation" text DEFAULT 'UNKNOWN' NOT NULL,
	"reasonable_suspicion" boolean DEFAULT false NOT NULL,
	"district_id" uuid,
	"street" text,
	"summary" text NOT NULL,
	"narrative" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'RECEIVED' NOT NULL,
	"resolution" text,
	"close_reason" text,
	"reporter_id" uuid,
	"merge_group_id" uuid NOT NULL,
	"merged_into_id" uuid,
	"status_reason" text,
	"received_at" timestamp with time zone NOT NULL,
	"received_day" date NOT NULL,
	"dispatch_by" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_by_id" uuid,
	"intake_token_id" uuid,
	"search_vector" tsvector NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cases_channel_check" CHECK ("channel" IN ('HOTLINE', 'TRANSFER_12345', 'WALK_IN', 'LETTER')),
	CONSTRAINT "cases_kind_check" CHECK ("kind" IN ('REPORT', 'CONSULTATION', 'HELP_REQUEST')),
	CONSTRAINT "cases_domain_check" CHECK ("domain" IN ('FAMILY', 'SCHOOL', 'SOCIETY', 'NETWORK', 'GOVERNMENT', 'JUDICIAL')),
	CONSTRAINT "cases_urgency_check" CHECK ("urgency" IN ('IMMEDIATE', 'URGENT', 'NORMAL')),
	CONSTRAINT "cases_status_check" CHECK ("status" IN ('RECEIVED', 'DISPATCHED', 'IN_PROGRESS', 'REPLIED', 'FOLLOWED_UP', 'CLOSED', 'REOPENED', 'MERGED', 'INVALID')),
	CONSTRAINT "cases_resolution_check" CHECK ("resolution" IN ('ANSWERED_DIRECTLY', 'FOLLOWED_UP', 'ANONYMOUS_REPORTER', 'NO_SAFE_CONTACT') OR "resolution" IS NULL),
	CONSTRAINT "cases_perpetrator_relation_check" CHECK ("perpetrator_relation" IN ('PARENT', 'STEP_PARENT', 'GRANDPARENT', 'RELATIVE', 'HOUSEHOLD_MEMBER', 'TEACHER', 'SCHOOL_STAFF', 'PEER', 'ACQUAINTANCE', 'STRANGER', 'ONLINE_CONTACT', 'INSTITUTION', 'UNKNOWN', 'NONE'))
);
--> statement-breakpoint
CREATE TABLE "dispatches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"case_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"role" text NOT NULL,
	"instructions" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'PENDING' NOT NULL,
	"round" integer DEFAULT 1 NOT NULL,
	"accept_by" timestamp with time zone NOT NULL,
	"reply_by" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"returned_at" timestamp with time zone,
	"return_reason" text,
	"replied_at" timestamp with time zone,
	"reply_result" text,
	"reply_measures" text,
	"reply_outcome" text,
	"withdrawn_at" timestamp with time zone,
	"withdraw_reason" text,
	"summoned_by_id" uuid,
	"dispatched_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dispatches_role_check" CHECK ("role" IN ('LEAD', 'ASSIST')),
	CONSTRAINT "dispatches_status_check" CHECK ("status" IN ('PENDING', 'ACCEPTED', 'REPLIED', 'RETURNED', 'WITHDRAWN')),
	CONSTRAINT "dispatches_reply_outcome_check" CHECK ("reply_outcome" IN ('SUBSTANTIATED', 'NOT_SUBSTANTIATED', 'REFERRED') OR "reply_outcome" IS NULL)
);
--> statement-breakpoint
CREATE TABLE "extension_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"dispatch_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"requested_reply_by" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'PENDING' NOT NULL,
	"requested_by_id" uuid,
	"requested_by_token_id" uuid,
	"decided_by_id" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "extension_requests_status_check" CHECK ("status" IN ('PENDING', 'APPROVED', 'REJECTED'))
);
--> statement-breakpoint
CREATE TABLE "follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"case_id" uuid NOT NULL,
	"respondent" text NOT NULL,
	"resolved" boolean NOT NULL,
	"satisfaction" text,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "follow_ups_respondent_check" CHECK ("respondent" IN ('REPORTER', 'GUARDIAN', 'MINOR', 'OTHER')),
	CONSTRAINT "follow_ups_satisfaction_check" CHECK ("satisfaction" IN ('SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED') OR "satisfaction" IS NULL)
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"scope" text,
	"key" text,
	"case_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY("scope","key")
);
--> statement-breakpoint
CREATE TABLE "reporters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"relation_to_minor" text DEFAULT 'OTHER' NOT NULL,
	"anonymous" boolean DEFAULT false NOT NULL,
	"mandatory_reporter" boolean DEFAULT false NOT NULL,
	"mandatory_receipt_code" text UNIQUE,
	"consent_to_share_contact" boolean DEFAULT false NOT NULL,
	"has_safe_contact" boolean DEFAULT true NOT NULL,
	"claim_code" text NOT NULL UNIQUE,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reporters_relation_to_minor_check" CHECK ("relation_to_minor" IN ('SELF', 'PARENT', 'RELATIVE', 'NEIGHBOUR', 'TEACHER', 'DOCTOR', 'SOCIAL_WORKER', 'POLICE', 'CLASSMATE', 'PASSER_BY', 'OTHER')),
	CONSTRAINT "reporters_receipt_only_mandatory" CHECK ("mandatory_receipt_code" IS NULL OR "mandatory_reporter")
);
--> statement-breakpoint
CREATE TABLE "subject_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"subject_id" uuid NOT NULL,
	"report_count" integer NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"acknowledged_by_id" uuid,
	"acknowledged_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "subjects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"kind" text NOT NULL,
	"match_key" text NOT NULL,
	"district_id" uuid,
	"report_count" integer DEFAULT 0 NOT NULL,
	"alerted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subjects_kind_check" CHECK ("kind" IN ('MINOR', 'ADULT', 'HOUSEHOLD', 'SCHOOL', 'ADDRESS'))
);
--> statement-breakpoint
CREATE TABLE "reporter_identities" (
	"reporter_id" uuid PRIMARY KEY,
	"name" text,
	"phone" text,
	"organization" text,
	"safe_contact_instructions" text,
	"retain_until" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subject_identities" (
	"subject_id" uuid PRIMARY KEY,
	"name" text,
	"birth_date" date,
	"school" text,
	"guardian_name" text,
	"address" text,
	"retain_until" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "suggestion_replies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"suggestion_id" uuid NOT NULL,
	"status" text NOT NULL,
	"body" text NOT NULL,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "suggestion_replies_status_check" CHECK ("status" IN ('SUBMITTED', 'UNDER_EVALUATION', 'ADOPTED', 'NOT_ADOPTED', 'IMPLEMENTED', 'EFFECTIVE', 'INEFFECTIVE', 'MERGED'))
);
--> statement-breakpoint
CREATE TABLE "suggestion_submitters" (
	"suggestion_id" uuid PRIMARY KEY,
	"name" text,
	"phone" text,
	"organization" text,
	"retain_until" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "suggestions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"code" text NOT NULL UNIQUE,
	"title" text NOT NULL,
	"content" text NOT NULL,
	"topic" text DEFAULT '' NOT NULL,
	"target_category_id" uuid,
	"target_district_id" uuid,
	"submitter_kind" text NOT NULL,
	"submitted_by_id" uuid,
	"submitter_department_id" uuid,
	"claim_code" text NOT NULL UNIQUE,
	"source_case_id" uuid,
	"evaluating_department_id" uuid,
	"status" text DEFAULT 'SUBMITTED' NOT NULL,
	"merged_into_id" uuid,
	"submitted_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by_id" uuid,
	"implemented_at" timestamp with time zone,
	"implementation_note" text,
	"assessed_at" timestamp with time zone,
	"effect_evidence" text,
	"cases_before" integer,
	"cases_after" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "suggestions_status_check" CHECK ("status" IN ('SUBMITTED', 'UNDER_EVALUATION', 'ADOPTED', 'NOT_ADOPTED', 'IMPLEMENTED', 'EFFECTIVE', 'INEFFECTIVE', 'MERGED')),
	CONSTRAINT "suggestions_submitter_kind_check" CHECK ("submitter_kind" IN ('CALLER', 'STAFF', 'DEPARTMENT', 'PUBLIC'))
);
--> statement-breakpoint
CREATE TABLE "committee_config" (
	"id" integer PRIMARY KEY DEFAULT 1,
	"quorum_percent" integer NOT NULL,
	"majority_percent" integer NOT NULL,
	"notice_days" integer NOT NULL,
	"second_approval_threshold" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "committee_config_singleton" CHECK ("id" = 1),
	CONSTRAINT "committee_config_percent" CHECK ("quorum_percent" BETWEEN 1 AND 100 AND "majority_percent" BETWEEN 1 AND 100),
	CONSTRAINT "committee_config_notice_days_non_negative" CHECK ("notice_days" IS NULL OR "notice_days" >= 0),
	CONSTRAINT "committee_config_second_approval_threshold_non_negative" CHECK ("second_approval_threshold" IS NULL OR "second_approval_threshold" >= 0)
);
--> statement-breakpoint
CREATE TABLE "committee_votes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"record_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"decision" text,
	"recused" boolean DEFAULT false NOT NULL,
	"no_conflict_affirmed" boolean DEFAULT false NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "committee_votes_decision_check" CHECK ("decision" IN ('APPROVE', 'REJECT', 'ABSTAIN') OR "decision" IS NULL),
	CONSTRAINT "committee_votes_vote_or_recuse" CHECK (("recused" AND "decision" IS NULL) OR (NOT "recused" AND "decision" IS NOT NULL AND "no_conflict_affirmed"))
);
--> statement-breakpoint
CREATE TABLE "notice_objections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"record_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'PENDING' NOT NULL,
	"decided_by_id" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"filed_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "notice_objections_status_check" CHECK ("status" IN ('PENDING', 'DISMISSED', 'UPHELD'))
);
--> statement-breakpoint
CREATE TABLE "payees" (
	"record_id" uuid PRIMARY KEY,
	"name" text NOT NULL,
	"phone" text,
	"id_number" text,
	"bank_name" text,
	"bank_account" text,
	"retain_until" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reward_budgets" (
	"year" integer PRIMARY KEY,
	"total" integer NOT NULL,
	"committed" integer DEFAULT 0 NOT NULL,
	"granted" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reward_budgets_total_non_negative" CHECK ("total" IS NULL OR "total" >= 0),
	CONSTRAINT "reward_budgets_committed_non_negative" CHECK ("committed" IS NULL OR "committed" >= 0),
	CONSTRAINT "reward_budgets_granted_non_negative" CHECK ("granted" IS NULL OR "granted" >= 0),
	CONSTRAINT "reward_budgets_within_total" CHECK ("committed" + "granted" <= "total")
);
--> statement-breakpoint
CREATE TABLE "reward_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"code" text NOT NULL UNIQUE,
	"kind" text NOT NULL,
	"basis_merge_group_id" uuid,
	"basis_case_id" uuid,
	"basis_suggestion_id" uuid,
	"nominee_claim_code" text NOT NULL,
	"standard_id" uuid NOT NULL,
	"proposed_amount" integer NOT NULL,
	"final_amount" integer,
	"honour_type" text NOT NULL,
	"justification" text NOT NULL,
	"status" text DEFAULT 'NOMINATED' NOT NULL,
	"year" integer NOT NULL,
	"round" integer DEFAULT 1 NOT NULL,
	"nominated_by_id" uuid,
	"reviewed_by_id" uuid,
	"reviewed_at" timestamp with time zone,
	"review_note" text,
	"finalized_by_id" uuid,
	"finalized_at" timestamp with time zone,
	"second_approved_by_id" uuid,
	"notice_starts_at" timestamp with time zone,
	"notice_ends_at" timestamp with time zone,
	"grant_reference" text,
	"certificate_number" text,
	"granted_by_id" uuid,
	"granted_at" timestamp with time zone,
	"revoke_reason" text,
	"recover_amount" integer,
	"revoked_by_id" uuid,
	"revoke_cosigned_by_id" uuid,
	"revoked_at" timestamp with time zone,
	"flagged_for_review" boolean DEFAULT false NOT NULL,
	"flag_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reward_records_kind_check" CHECK ("kind" IN ('REPORT_REWARD', 'SUGGESTION_REWARD')),
	CONSTRAINT "reward_records_status_check" CHECK ("status" IN ('NOMINATED', 'UNDER_REVIEW', 'IN_COMMITTEE', 'AWAITING_SECOND_APPROVAL', 'APPROVED', 'PUBLIC_NOTICE', 'GRANTED', 'REJECTED', 'REVOKED')),
	CONSTRAINT "reward_records_honour_type_check" CHECK ("honour_type" IN ('COMMENDATION_LETTER', 'CERTIFICATE', 'HONORARY_TITLE', 'NONE')),
	CONSTRAINT "reward_records_proposed_amount_non_negative" CHECK ("proposed_amount" IS NULL OR "proposed_amount" >= 0),
	CONSTRAINT "reward_records_final_amount_non_negative" CHECK ("final_amount" IS NULL OR "final_amount" >= 0),
	CONSTRAINT "reward_records_recover_amount_non_negative" CHECK ("recover_amount" IS NULL OR "recover_amount" >= 0),
	CONSTRAINT "reward_records_basis" CHECK (("kind" = 'REPORT_REWARD' AND "basis_case_id" IS NOT NULL AND "basis_merge_group_id" IS NOT NULL AND "basis_suggestion_id" IS NULL)
       OR ("kind" = 'SUGGESTION_REWARD' AND "basis_suggestion_id" IS NOT NULL AND "basis_case_id" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "reward_standards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"code" text NOT NULL,
	"version" integer NOT NULL,
	"kind" text NOT NULL,
	"level" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"criteria" text NOT NULL,
	"honour_type" text NOT NULL,
	"min_amount" integer NOT NULL,
	"max_amount" integer NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"status" text DEFAULT 'DRAFT' NOT NULL,
	"created_by_id" uuid,
	"activated_at" timestamp with time zone,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reward_standards_kind_check" CHECK ("kind" IN ('REPORT_REWARD', 'SUGGESTION_REWARD')),
	CONSTRAINT "reward_standards_honour_type_check" CHECK ("honour_type" IN ('COMMENDATION_LETTER', 'CERTIFICATE', 'HONORARY_TITLE', 'NONE')),
	CONSTRAINT "reward_standards_status_check" CHECK ("status" IN ('DRAFT', 'ACTIVE', 'RETIRED')),
	CONSTRAINT "reward_standards_min_amount_non_negative" CHECK ("min_amount" IS NULL OR "min_amount" >= 0),
	CONSTRAINT "reward_standards_range" CHECK ("max_amount" >= "min_amount")
);
--> statement-breakpoint
CREATE TABLE "analysis_report_audiences" (
	"report_id" uuid,
	"department_id" uuid,
	CONSTRAINT "analysis_report_audiences_pkey" PRIMARY KEY("report_id","department_id")
);
--> statement-breakpoint
CREATE TABLE "analysis_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"title" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"scope" jsonb DEFAULT '{}' NOT NULL,
	"figures" jsonb DEFAULT '{}' NOT NULL,
	"narrative" text DEFAULT '' NOT NULL,
	"recommendations" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'DRAFT' NOT NULL,
	"created_by_id" uuid,
	"published_at" timestamp with time zone,
	"published_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "analysis_reports_status_check" CHECK ("status" IN ('DRAFT', 'PUBLISHED')),
	CONSTRAINT "analysis_reports_period" CHECK ("period_end" >= "period_start")
);
--> statement-breakpoint
CREATE INDEX "case_categories_parent_idx" ON "case_categories" ("parent_id");--> statement-breakpoint
CREATE INDEX "departments_parent_idx" ON "departments" ("parent_id");--> statement-breakpoint
CREATE INDEX "departments_district_idx" ON "departments" ("district_id");--> statement-breakpoint
CREATE INDEX "departments_kind_idx" ON "departments" ("kind");--> statement-breakpoint
CREATE UNIQUE INDEX "sla_policies_phase_urgency_key" ON "sla_policies" ("phase","urgency");--> statement-breakpoint
CREATE INDEX "api_tokens_department_idx" ON "api_tokens" ("department_id");--> statement-breakpoint
CREATE INDEX "audit_events_entity_idx" ON "audit_events" ("entity","entity_id","at");--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "audit_events" ("actor_id","at");--> statement-breakpoint
CREATE INDEX "audit_events_at_idx" ON "audit_events" ("at");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" ("user_id");--> statement-breakpoint
CREATE INDEX "users_department_idx" ON "users" ("department_id");--> statement-breakpoint
CREATE INDEX "case_subjects_subject_idx" ON "case_subjects" ("subject_id");--> statement-breakpoint
CREATE INDEX "cases_status_received_idx" ON "cases" ("status","received_at");--> statement-breakpoint
CREATE INDEX "cases_district_status_received_idx" ON "cases" ("district_id","status","received_at");--> statement-breakpoint
CREATE INDEX "cases_category_received_idx" ON "cases" ("category_id","received_at");--> statement-breakpoint
CREATE INDEX "cases_received_idx" ON "cases" ("received_at");--> statement-breakpoint
CREATE INDEX "cases_merge_group_idx" ON "cases" ("merge_group_id");--> statement-breakpoint
CREATE INDEX "cases_reporter_idx" ON "cases" ("reporter_id");--> statement-breakpoint
CREATE INDEX "cases_search_idx" ON "cases" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "dispatches_case_idx" ON "dispatches" ("case_id");--> statement-breakpoint
CREATE INDEX "dispatches_queue_idx" ON "dispatches" ("department_id","status","reply_by");--> statement-breakpoint
CREATE UNIQUE INDEX "dispatches_one_open_lead" ON "dispatches" ("case_id") WHERE "role" = 'LEAD' AND "status" IN ('PENDING', 'ACCEPTED');--> statement-breakpoint
CREATE INDEX "extension_requests_dispatch_idx" ON "extension_requests" ("dispatch_id");--> statement-breakpoint
CREATE INDEX "follow_ups_case_idx" ON "follow_ups" ("case_id");--> statement-breakpoint
CREATE INDEX "subject_alerts_open_idx" ON "subject_alerts" ("acknowledged_at","raised_at");--> statement-breakpoint
CREATE UNIQUE INDEX "subjects_kind_key" ON "subjects" ("kind","match_key");--> statement-breakpoint
CREATE INDEX "suggestion_replies_suggestion_idx" ON "suggestion_replies" ("suggestion_id");--> statement-breakpoint
CREATE INDEX "suggestions_status_idx" ON "suggestions" ("status","submitted_at");--> statement-breakpoint
CREATE INDEX "suggestions_department_idx" ON "suggestions" ("evaluating_department_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "committee_votes_one_per_round" ON "committee_votes" ("record_id","member_id","round");--> statement-breakpoint
CREATE INDEX "notice_objections_record_idx" ON "notice_objections" ("record_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "reward_records_one_per_case_basis" ON "reward_records" ("basis_merge_group_id","nominee_claim_code") WHERE "status" <> 'REJECTED' AND "basis_merge_group_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "reward_records_one_per_suggestion_basis" ON "reward_records" ("basis_suggestion_id","nominee_claim_code") WHERE "status" <> 'REJECTED' AND "basis_suggestion_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "reward_records_status_idx" ON "reward_records" ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "reward_standards_code_version_key" ON "reward_standards" ("code","version");--> statement-breakpoint
CREATE INDEX "analysis_report_audiences_department_idx" ON "analysis_report_audiences" ("department_id");--> statement-breakpoint
CREATE INDEX "analysis_reports_status_idx" ON "analysis_reports" ("status","period_start");--> statement-breakpoint
ALTER TABLE "case_categories" ADD CONSTRAINT "case_categories_parent_id_case_categories_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "case_categories"("id");--> statement-breakpoint
ALTER TABLE "departments" ADD CONSTRAINT "departments_district_id_districts_id_fkey" FOREIGN KEY ("district_id") REFERENCES "districts"("id");--> statement-breakpoint
ALTER TABLE "departments" ADD CONSTRAINT "departments_parent_id_departments_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "departments"("id");--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_department_id_departments_id_fkey" FOREIGN KEY ("department_id") REFERENCES "departments"("id");--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_created_by_id_users_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_revoked_by_id_users_id_fkey" FOREIGN KEY ("revoked_by_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_department_id_departments_id_fkey" FOREIGN KEY ("department_id") REFERENCES "departments"("id");--> statement-breakpoint
ALTER TABLE "case_subjects" ADD CONSTRAINT "case_subjects_case_id_cases_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id");--> statement-breakpoint
ALTER TABLE "case_subjects" ADD CONSTRAINT "case_subjects_subject_id_subjects_id_fkey" FOREIGN KEY ("subject_id") REFERENCES "subjects"("id");--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_category_id_case_categories_id_fkey" FOREIGN KEY ("category_id") REFERENCES "case_categories"("id");--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_district_id_districts_id_fkey" FOREIGN KEY ("district_id") REFERENCES "districts"("id");--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_reporter_id_reporters_id_fkey" FOREIGN KEY ("reporter_id") REFERENCES "reporters"("id");--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_merged_into_id_cases_id_fkey" FOREIGN KEY ("merged_into_id") REFERENCES "cases"("id");--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_created_by_id_users_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_intake_token_id_api_tokens_id_fkey" FOREIGN KEY ("intake_token_id") REFERENCES "api_tokens"("id");--> statement-breakpoint
ALTER TABLE "dispatches" ADD CONSTRAINT "dispatches_case_id_cases_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id");--> statement-breakpoint
ALTER TABLE "dispatches" ADD CONSTRAINT "dispatches_department_id_departments_id_fkey" FOREIGN KEY ("department_id") REFERENCES "departments"("id");--> statement-breakpoint
ALTER TABLE "dispatches" ADD CONSTRAINT "dispatches_summoned_by_id_dispatches_id_fkey" FOREIGN KEY ("summoned_by_id") REFERENCES "dispatches"("id");--> statement-breakpoint
ALTER TABLE "dispatches" ADD CONSTRAINT "dispatches_dispatched_by_id_users_id_fkey" FOREIGN KEY ("dispatched_by_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "extension_requests" ADD CONSTRAINT "extension_requests_dispatch_id_dispatches_id_fkey" FOREIGN KEY ("dispatch_id") REFERENCES "dispatches"("id");--> statement-breakpoint
ALTER TABLE "extension_requests" ADD CONSTRAINT "extension_requests_requested_by_id_users_id_fkey" FOREIGN KEY ("requested_by_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "extension_requests" ADD CONSTRAINT "extension_requests_requested_by_token_id_api_tokens_id_fkey" FOREIGN KEY ("requested_by_token_id") REFERENCES "api_tokens"("id");--> statement-breakpoint
ALTER TABLE "extension_requests" ADD CONSTRAINT "extension_requests_decided_by_id_users_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_case_id_cases_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id");--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_recorded_by_id_users_id_fkey" FOREIGN KEY ("recorded_by_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_case_id_cases_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id");--> statement-breakpoint
ALTER TABLE "subject_alerts" ADD CONSTRAINT "subject_alerts_subject_id_subjects_id_fkey" FOREIGN KEY ("subject_id") REFERENCES "subjects"("id");--> statement-breakpoint
ALTER TABLE "subject_alerts" ADD CONSTRAINT "subject_alerts_acknowledged_by_id_users_id_fkey" FOREIGN KEY ("acknowledged_by_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "subjects" ADD CONSTRAINT "subjects_district_id_districts_id_fkey" FOREIGN KEY ("district_id") REFERENCES "districts"("id");--> statement-breakpoint
ALTER TABLE "reporter_identities" ADD CONSTRAINT "reporter_identities_reporter_id_reporters_id_fkey" FOREIGN KEY ("reporter_id") REFERENCES "reporters"("id");--> statement-breakpoint
ALTER TABLE "subject_identities" ADD CONSTRAINT "subject_identities_subject_id_subjects_id_fkey" FOREIGN KEY ("subject_id") REFERENCES "subjects"("id");--> statement-breakpoint
ALTER TABLE "suggestion_replies" ADD CONSTRAINT "suggestion_replies_suggestion_id_suggestions_id_fkey" FOREIGN KEY ("suggestion_id") REFERENCES "suggestions"("id");--> statement-breakpoint
ALTER TABLE "suggestion_replies" ADD CONSTRAINT "suggestion_replies_author_id_users_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "suggestion_submitters" ADD CONSTRAINT "suggestion_submitters_suggestion_id_suggestions_id_fkey" FOREIGN KEY ("suggestion_id") REFERENCES "suggestions"("id");--> statement-breakpoint
ALTER TABLE "suggestions" ADD CONSTRAINT "suggestions_target_category_id_case_categories_id_fkey" FOREIGN KEY ("target_category_id") REFERENCES "case_categories"("id");--> statement-breakpoint
ALTER TABLE "suggestions" ADD CONSTRAINT "suggestions_target_district_id_districts_id_fkey" FOREIGN KEY ("target_district_id") REFERENCES "districts"("id");--> statement-breakpoint
ALTER TABLE "suggestions" ADD CONSTRAINT "suggestions_submitted_by_id_users_id_fkey" FOREIGN KEY ("submitted_by_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "suggestions" ADD CONSTRAINT "suggestions_submitter_department_id_departments_id_fkey" FOREIGN KEY ("submitter_department_id") REFERENCES "departments"("id");--> statement-breakpoint
ALTER TABLE "suggestions" ADD CONSTRAINT "suggestions_source_case_id_cases_id_fkey" FOREIGN KEY ("source_case_id") REFERENCES "cases"("id");--> statement-breakpoint
ALTER TABLE "suggestions" ADD CONSTRAINT "suggestions_evaluating_department_id_departments_id_fkey" FOREIGN KEY ("evaluating_department_id") REFERENCES "departments"("id");--> statement-breakpoint
ALTER TABLE "suggestions" ADD CONSTRAINT "suggestions_merged_into_id_suggestions_id_fkey" FOREIGN KEY ("merged_into_id") REFERENCES "suggestions"("id");--> statement-breakpoint
ALTER TABLE "suggestions" ADD CONSTRAINT "suggestions_decided_by_id_users_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "committee_votes" ADD CONSTRAINT "committee_votes_record_id_reward_records_id_fkey" FOREIGN KEY ("record_id") REFERENCES "reward_records"("id");--> statement-breakpoint
ALTER TABLE "committee_votes" ADD CONSTRAINT "committee_votes_member_id_users_id_fkey" FOREIGN KEY ("member_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "notice_objections" ADD CONSTRAINT "notice_objections_record_id_reward_records_id_fkey" FOREIGN KEY ("record_id") REFERENCES "reward_records"("id");--> statement-breakpoint
ALTER TABLE "notice_objections" ADD CONSTRAINT "notice_objections_decided_by_id_users_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "payees" ADD CONSTRAINT "payees_record_id_reward_records_id_fkey" FOREIGN KEY ("record_id") REFERENCES "reward_records"("id");--> statement-breakpoint
ALTER TABLE "reward_records" ADD CONSTRAINT "reward_records_basis_case_id_cases_id_fkey" FOREIGN KEY ("basis_case_id") REFERENCES "cases"("id");--> statement-breakpoint
ALTER TABLE "reward_records" ADD CONSTRAINT "reward_records_basis_suggestion_id_suggestions_id_fkey" FOREIGN KEY ("basis_suggestion_id") REFERENCES "suggestions"("id");--> statement-breakpoint
ALTER TABLE "reward_records" ADD CONSTRAINT "reward_records_standard_id_reward_standards_id_fkey" FOREIGN KEY ("standard_id") REFERENCES "reward_standards"("id");--> statement-breakpoint
ALTER TABLE "reward_records" ADD CONSTRAINT "reward_records_nominated_by_id_users_id_fkey" FOREIGN KEY ("nominated_by_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "reward_records" ADD CONSTRAINT "reward_records_reviewed_by_id_users_id_fkey" FOREIGN KEY ("reviewed_by_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "reward_records" ADD CONSTRAINT "reward_records_finalized_by_id_users_id_fkey" FOREIGN KEY ("finalized_by_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "reward_records" ADD CONSTRAINT "reward_records_second_approved_by_id_users_id_fkey" FOREIGN KEY ("second_approved_by_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "reward_records" ADD CONSTRAINT "reward_records_granted_by_id_users_id_fkey" FOREIGN KEY ("granted_by_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "reward_records" ADD CONSTRAINT "reward_records_revoked_by_id_users_id_fkey" FOREIGN KEY ("revoked_by_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "reward_records" ADD CONSTRAINT "reward_records_revoke_cosigned_by_id_users_id_fkey" FOREIGN KEY ("revoke_cosigned_by_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "reward_standards" ADD CONSTRAINT "reward_standards_created_by_id_users_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "analysis_report_audiences" ADD CONSTRAINT "analysis_report_audiences_report_id_analysis_reports_id_fkey" FOREIGN KEY ("report_id") REFERENCES "analysis_reports"("id");--> statement-breakpoint
ALTER TABLE "analysis_report_audiences" ADD CONSTRAINT "analysis_report_audiences_department_id_departments_id_fkey" FOREIGN KEY ("department_id") REFERENCES "departments"("id");--> statement-breakpoint
ALTER TABLE "analysis_reports" ADD CONSTRAINT "analysis_reports_created_by_id_users_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "analysis_reports" ADD CONSTRAINT "analysis_reports_published_by_id_users_id_fkey" FOREIGN KEY ("published_by_id") REFERENCES "users"("id");
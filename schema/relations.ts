// Relations (drizzle v2 API) for relational queries over the tables in this folder.
import { defineRelations } from 'drizzle-orm';
import * as schema from './index.js';

export const relations = defineRelations(schema, (r) => ({
  departments: {
    district: r.one.districts({ from: r.departments.districtId, to: r.districts.id }),
    parent: r.one.departments({ from: r.departments.parentId, to: r.departments.id, alias: 'department_parent' }),
    children: r.many.departments({ from: r.departments.id, to: r.departments.parentId, alias: 'department_parent' }),
  },
  caseCategories: {
    parent: r.one.caseCategories({ from: r.caseCategories.parentId, to: r.caseCategories.id, alias: 'category_parent' }),
    children: r.many.caseCategories({ from: r.caseCategories.id, to: r.caseCategories.parentId, alias: 'category_parent' }),
  },
  users: {
    department: r.one.departments({ from: r.users.departmentId, to: r.departments.id }),
  },
  apiTokens: {
    department: r.one.departments({ from: r.apiTokens.departmentId, to: r.departments.id }),
  },
  cases: {
    category: r.one.caseCategories({ from: r.cases.categoryId, to: r.caseCategories.id, optional: false }),
    district: r.one.districts({ from: r.cases.districtId, to: r.districts.id }),
    reporter: r.one.reporters({ from: r.cases.reporterId, to: r.reporters.id }),
    dispatches: r.many.dispatches({ from: r.cases.id, to: r.dispatches.caseId }),
    followUps: r.many.followUps({ from: r.cases.id, to: r.followUps.caseId }),
    subjects: r.many.subjects({ from: r.cases.id.through(r.caseSubjects.caseId), to: r.subjects.id.through(r.caseSubjects.subjectId) }),
  },
  reporters: {
    identity: r.one.reporterIdentities({ from: r.reporters.id, to: r.reporterIdentities.reporterId }),
  },
  subjects: {
    identity: r.one.subjectIdentities({ from: r.subjects.id, to: r.subjectIdentities.subjectId }),
    cases: r.many.cases(),
  },
  dispatches: {
    case: r.one.cases({ from: r.dispatches.caseId, to: r.cases.id, optional: false }),
    department: r.one.departments({ from: r.dispatches.departmentId, to: r.departments.id, optional: false }),
    extensions: r.many.extensionRequests({ from: r.dispatches.id, to: r.extensionRequests.dispatchId }),
  },
  suggestions: {
    replies: r.many.suggestionReplies({ from: r.suggestions.id, to: r.suggestionReplies.suggestionId }),
    submitter: r.one.suggestionSubmitters({ from: r.suggestions.id, to: r.suggestionSubmitters.suggestionId }),
  },
  rewardRecords: {
    standard: r.one.rewardStandards({ from: r.rewardRecords.standardId, to: r.rewardStandards.id, optional: false }),
    votes: r.many.committeeVotes({ from: r.rewardRecords.id, to: r.committeeVotes.recordId }),
    objections: r.many.noticeObjections({ from: r.rewardRecords.id, to: r.noticeObjections.recordId }),
    payee: r.one.payees({ from: r.rewardRecords.id, to: r.payees.recordId }),
  },
  analysisReports: {
    audiences: r.many.analysisReportAudiences({ from: r.analysisReports.id, to: r.analysisReportAudiences.reportId }),
  },
}));

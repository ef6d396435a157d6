// The server's typed errors in English (see apiErrors.ts): `code` is each code's generic message, `field` a
// code's message on one input. %{detail} is the server's own message, embedded only where the generic text
// would not say what to fix. Same keys as apiErrors.zh.ts.
export const apiErrorsEn = {
  guardline: {
    apiError: {
      unknown: 'The request failed: %{detail}',
      code: {
        VALIDATION: 'Invalid input: %{detail}',
        NOT_FOUND: 'Not found: it does not exist, or you may not see it',
        FORBIDDEN: 'Your role may not do this',
        UNAUTHENTICATED: 'Please sign in',
        INVALID_TRANSITION: 'This cannot be done in the current state; reload the page to see the latest state',
        STALE_VERSION: 'Someone else changed this record; reload and try again',
        CONFLICT: 'Conflicts with existing records: %{detail}',
        RATE_LIMITED: 'Too many requests; please try again later',
      },
      field: {
        NOT_FOUND: {
          id: 'The record does not exist, or you may not see it',
          categoryId: 'The chosen category does not exist or is no longer in use',
          departmentId: 'The chosen department does not exist or is inactive',
          districtId: 'The chosen district does not exist',
          dispatchId: 'The dispatch does not exist or is not your department’s',
          standardId: 'The chosen reward standard does not exist or is not active',
          basisCaseId: 'The case cited as the basis was not found',
          basisSuggestionId: 'The suggestion cited as the basis was not found',
          claimCode: 'No reward for this claim code (yet).',
          recordCode: 'No reward under public notice has this record code',
          alertId: 'The alert does not exist or was already acknowledged',
          objectionId: 'The objection does not exist',
          extensionId: 'The extension request does not exist',
        },
        VALIDATION: {
          reason: 'Give the reason or the answer given',
          outcome: 'The lead department’s reply states the outcome',
          safeContactObserved: 'Confirm the call follows the reporter’s safe-contact instructions',
          noConflict: 'Affirm that you have no conflict of interest, or recuse',
          requestedReplyBy: 'The new reply-by must be later than the current one',
          proposedAmount: 'The amount must lie within the reward standard (%{detail})',
          finalAmount: 'The amount must lie within the reward standard (%{detail})',
          audienceDepartmentIds: 'Choose at least one department to publish to',
        },
        FORBIDDEN: {
          respondent: 'Safe contact: this person may not be called (%{detail})',
        },
        CONFLICT: {
          username: 'That username is taken',
        },
      },
    },
  },
};

// Login throttling and password policy.
export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_WINDOW_MINUTES = 15;
export const LOGIN_LOCK_MINUTES = 15;
export const MIN_PASSWORD_LENGTH = 10;

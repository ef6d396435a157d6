export * from './reference.js';
export * from './auth.js';
export * from './cases.js';
export * from './personal.js';
export * from './suggestions.js';
export * from './rewards.js';
export * from './analytics.js';
export * from './analytics-rollups.js';

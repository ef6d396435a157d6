// The GraphQL schema: imports every module's types, then builds. Type files never import this one.
import { lexicographicSortSchema } from 'graphql';
import { builder } from './builder.js';
import './graphql/scalars.js';
import './graphql/errors.js';
import './modules/departments/types.js';
import './modules/auth/types.js';
import './modules/audit/types.js';
import './modules/cases/types.js';
import './modules/dispatch/types.js';
import './modules/suggestions/types.js';
import './modules/rewards/types.js';
import './modules/analytics/types.js';

export const schema = lexicographicSortSchema(builder.toSchema());

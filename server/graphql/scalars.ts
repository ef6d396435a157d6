import { GraphQLError } from 'graphql';
import { builder } from '../builder.js';
import { isoInstant } from '../shared/time.js';

builder.scalarType('DateTime', {
  description: 'An instant, ISO 8601 with offset.',
  serialize: (d) => isoInstant(d instanceof Date ? d : new Date(d as string)),
  parseValue: (v) => {
    const d = new Date(String(v));
    if (typeof v !== 'string' || Number.isNaN(d.getTime())) throw new GraphQLError('DateTime must be an ISO 8601 string', { extensions: { code: 'VALIDATION' } });
    return d;
  },
});

builder.scalarType('Date', {
  description: 'A Beijing calendar day, YYYY-MM-DD.',
  serialize: (d) => String(d),
  parseValue: (v) => {
    if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v))) {
      throw new GraphQLError('Date must be YYYY-MM-DD', { extensions: { code: 'VALIDATION' } });
    }
    return v;
  },
});

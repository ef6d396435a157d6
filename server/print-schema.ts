// `npm run schema:print` writes schema/schema.graphql; `-- --check` fails when the committed file is stale.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { printSchema } from 'graphql';
import { schema } from './schema.js';

export const SCHEMA_FILE = fileURLToPath(new URL('../schema/schema.graphql', import.meta.url));
export const printedSchema = () => printSchema(schema) + '\n';

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const printed = printedSchema();
  if (process.argv.includes('--check')) {
    const committed = await readFile(SCHEMA_FILE, 'utf8').catch(() => '');
    if (committed !== printed) {
      console.error('schema/schema.graphql is stale: run `npm run schema:print` and commit it');
      process.exit(1);
    }
  } else {
    await writeFile(SCHEMA_FILE, printed);
    console.log(`wrote ${SCHEMA_FILE}`);
  }
}

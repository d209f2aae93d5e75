import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { printApiSchema } from '../apps/api/src/cli/api-schema.js';

const root = join(import.meta.dirname, '..');

describe('schema.graphql', () => {
  it('is the schema the resolvers generate (run `npm run schema` when this fails)', async () => {
    const committed = readFileSync(join(root, 'schema.graphql'), 'utf8');
    expect(committed).toBe(await printApiSchema());
  });
});

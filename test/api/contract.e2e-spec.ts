import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, findBreakingChanges } from 'graphql';

const root = join(import.meta.dirname, '..', '..');

describe('the public contract', () => {
  it('is kept by the generated schema.graphql: no breaking change from test/contract/schema.graphql', () => {
    const contract = buildSchema(readFileSync(join(root, 'test', 'contract', 'schema.graphql'), 'utf8'));
    const schema = buildSchema(readFileSync(join(root, 'schema.graphql'), 'utf8'));
    expect(findBreakingChanges(contract, schema)).toEqual([]);
  });
});

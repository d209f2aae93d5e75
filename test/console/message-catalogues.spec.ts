import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, isEnumType } from 'graphql';
import { SCHEMA_ENUMS } from '../../apps/console/src/api/enums.js';
import { API_ERROR_CODES } from '../../apps/console/src/api/graphql-client.js';

const ROOT = join(import.meta.dirname, '..', '..');

type Catalogue = { [key: string]: string | Catalogue };
const catalogues = Object.fromEntries(
  ['en', 'ru'].map((language) => [
    language,
    JSON.parse(readFileSync(join(ROOT, 'apps', 'console', 'src', 'i18n', `${language}.json`), 'utf8')) as Catalogue,
  ]),
);

/** The catalogue's keys, plural forms (`_one`, `_few`…) counted as their one message. */
function keysOf(catalogue: Catalogue, prefix = ''): string[] {
  return Object.entries(catalogue).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [`${prefix}${key.replace(/_(zero|one|two|few|many|other)$/, '')}`]
      : keysOf(value, `${prefix}${key}.`),
  );
}

function lookUp(catalogue: Catalogue, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Catalogue | undefined)?.[key], catalogue);
}

describe('the console’s message catalogues', () => {
  const schema = buildSchema(readFileSync(join(ROOT, 'schema.graphql'), 'utf8'));

  it.each(Object.keys(SCHEMA_ENUMS))('lists every value of the schema’s %s, and nothing else', (name) => {
    const type = schema.getType(name);
    if (!isEnumType(type)) throw new Error(`${name} is not an enum of schema.graphql`);
    const values = type.getValues().map((value) => value.name);
    expect([...SCHEMA_ENUMS[name as keyof typeof SCHEMA_ENUMS]].sort()).toEqual(values.sort());
  });

  it.each(['en', 'ru'])('%s names every value of every enum the console shows', (language) => {
    const catalogue = catalogues[language] as Catalogue;
    const missing = Object.entries(SCHEMA_ENUMS).flatMap(([name, values]) =>
      values.map((value) => `enum.${name}.${value}`).filter((key) => typeof lookUp(catalogue, key) !== 'string'),
    );
    expect(missing).toEqual([]);
  });

  it.each(['en', 'ru'])('%s names every beneficiary country', (language) => {
    const reference = JSON.parse(
      readFileSync(join(ROOT, 'libs', 'domain', 'src', 'reference', 'countries.json'), 'utf8'),
    ) as { countries: { code: string }[] };
    const catalogue = catalogues[language] as Catalogue;
    expect(reference.countries.filter(({ code }) => typeof lookUp(catalogue, `country.${code}`) !== 'string')).toEqual(
      [],
    );
  });

  it('knows every error code the API answers with', () => {
    const source = readFileSync(join(ROOT, 'apps', 'api', 'src', 'graphql', 'api-errors.ts'), 'utf8');
    const union = /export type ErrorCode =([^;]+);/.exec(source)?.[1] ?? '';
    const codes = [...union.matchAll(/'([A-Z_]+)'/g)].map((match) => match[1]);
    expect(codes.length).toBeGreaterThan(0);
    expect([...API_ERROR_CODES].sort()).toEqual(codes.sort());
  });

  it.each(['en', 'ru'])('%s says in words what each error means', (language) => {
    const catalogue = catalogues[language] as Catalogue;
    const missing = [...API_ERROR_CODES, 'NETWORK', 'UNKNOWN'].filter(
      (code) => typeof lookUp(catalogue, `errors.${code}`) !== 'string',
    );
    expect(missing).toEqual([]);
  });

  it('has the same messages in English and Russian', () => {
    const messages = (language: string) => [...new Set(keysOf(catalogues[language] as Catalogue))].sort();
    expect(messages('ru')).toEqual(messages('en'));
  });

  it('gives Russian counts all their plural forms', () => {
    const keys = (catalogue: Catalogue, prefix = ''): string[] =>
      Object.entries(catalogue).flatMap(([key, value]) =>
        typeof value === 'string' ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`),
      );
    const russian = keys(catalogues['ru'] as Catalogue);
    const plurals = new Set(russian.filter((key) => key.endsWith('_one')).map((key) => key.slice(0, -'_one'.length)));
    for (const plural of plurals) {
      expect(russian).toEqual(
        expect.arrayContaining(['one', 'few', 'many', 'other'].map((form) => `${plural}_${form}`)),
      );
    }
  });
});

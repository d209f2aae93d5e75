import { ValidationFailed } from './domain.errors.js';
import { INPUT_LIMITS, InputValidator } from './input.validation.js';

function problems(check: (input: InputValidator) => void): Record<string, readonly string[]> {
  const input = new InputValidator();
  check(input);
  try {
    input.throwIfInvalid();
  } catch (error) {
    if (error instanceof ValidationFailed) return { ...error.fields };
    throw error;
  }
  return {};
}

describe('InputValidator', () => {
  describe('text', () => {
    it.each([
      ['the shortest title', 'abc'],
      ['the longest title', 'x'.repeat(200)],
      ['newlines and tabs', 'line one\n\tline two'],
      ['characters outside the basic plane counted once', '🏭🏭🏭'],
    ])('accepts %s', (_, value) => {
      expect(problems((input) => input.text('title', value, INPUT_LIMITS.title))).toEqual({});
    });

    it.each([
      ['an empty string', '', 'must not be empty'],
      ['a string below the minimum', 'ab', 'must be at least 3 characters'],
      ['a string above the maximum', 'x'.repeat(201), 'must be at most 200 characters'],
      ['leading whitespace', ' abc', 'must not start or end with whitespace'],
      ['trailing newline', 'abc\n', 'must not start or end with whitespace'],
      ['a carriage return', 'ab\rc', 'must not contain control characters other than newline and tab'],
      ['a NUL', 'ab\u0000c', 'must not contain control characters other than newline and tab'],
      ['an escape', 'ab\u001bc', 'must not contain control characters other than newline and tab'],
      ['a C1 control', 'ab\u0085c', 'must not contain control characters other than newline and tab'],
      ['DEL', 'ab\u007fc', 'must not contain control characters other than newline and tab'],
    ])('rejects %s', (_, value, message) => {
      expect(problems((input) => input.text('title', value, INPUT_LIMITS.title))).toEqual({ title: [message] });
    });

    it('applies the limits of the design', () => {
      expect(INPUT_LIMITS).toMatchObject({
        title: { min: 3, max: 200 },
        summary: { max: 1_000 },
        body: { max: 20_000 },
        comment: { min: 1, max: 5_000 },
        topics: { min: 1, max: 5 },
        durationMonths: { min: 1, max: 60 },
        partnerCountries: { min: 1, max: 15 },
        links: { max: 10 },
        linkUrl: { max: 2_000 },
        linkTitle: { min: 1, max: 200 },
      });
      expect(problems((input) => input.text('body', 'x'.repeat(20_001), INPUT_LIMITS.body))).toEqual({
        body: ['must be at most 20000 characters'],
      });
      expect(problems((input) => input.text('body', 'x'.repeat(5_001), INPUT_LIMITS.comment))).toEqual({
        body: ['must be at most 5000 characters'],
      });
    });

    it('treats an absent optional text as null and checks a present one', () => {
      const input = new InputValidator();
      expect(input.optionalText('note', undefined, INPUT_LIMITS.note)).toBeNull();
      expect(input.optionalText('note', null, INPUT_LIMITS.note)).toBeNull();
      expect(problems((check) => check.optionalText('note', '', INPUT_LIMITS.note))).toEqual({
        note: ['must not be empty'],
      });
    });
  });

  describe('integer', () => {
    it.each([1, 60])('accepts %d months', (months) => {
      expect(problems((input) => input.integer('durationMonths', months, INPUT_LIMITS.durationMonths))).toEqual({});
    });

    it.each([0, 61, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects %d months', (months) => {
      expect(problems((input) => input.integer('durationMonths', months, INPUT_LIMITS.durationMonths))).toEqual({
        durationMonths: ['must be a whole number from 1 to 60'],
      });
    });
  });

  describe('topics', () => {
    it('accepts 1 to 5 distinct known topics', () => {
      expect(problems((input) => input.topics('topics', ['NATECH']))).toEqual({});
      expect(
        problems((input) => input.topics('topics', ['NATECH', 'RESPONSE', 'TRAINING', 'PREVENTION', 'LEGISLATION'])),
      ).toEqual({});
    });

    it.each([
      ['none', [], ['must list from 1 to 5']],
      ['six', ['NATECH', 'RESPONSE', 'TRAINING', 'PREVENTION', 'LEGISLATION', 'HOT_SPOTS'], ['must list from 1 to 5']],
      ['a duplicate', ['NATECH', 'NATECH'], ['lists NATECH more than once']],
      ['an unknown topic', ['NATECH', 'natech'], ['unknown topic natech']],
    ])('rejects %s', (_, topics, messages) => {
      expect(problems((input) => input.topics('topics', topics))).toEqual({ topics: messages });
    });
  });

  describe('audience', () => {
    it('validates each scope with the list it needs', () => {
      const input = new InputValidator();
      expect(input.audience('audience', { scope: 'NETWORK' })).toEqual({
        scope: 'NETWORK',
        subregions: [],
        countries: [],
      });
      expect(input.audience('audience', { scope: 'SUBREGIONS', subregions: ['CAUCASUS'], countries: null })).toEqual({
        scope: 'SUBREGIONS',
        subregions: ['CAUCASUS'],
        countries: [],
      });
      expect(input.audience('audience', { scope: 'COUNTRIES', countries: ['GE', 'AM'], subregions: [] })).toEqual({
        scope: 'COUNTRIES',
        subregions: [],
        countries: ['GE', 'AM'],
      });
      expect(() => input.throwIfInvalid()).not.toThrow();
    });

    it.each([
      ['an unknown scope', { scope: 'WORLD' }, { 'audience.scope': ['unknown scope WORLD'] }],
      ['SUBREGIONS without subregions', { scope: 'SUBREGIONS' }, { 'audience.subregions': ['must list from 1 to 4'] }],
      [
        'COUNTRIES without countries',
        { scope: 'COUNTRIES', countries: [] },
        { 'audience.countries': ['must list from 1 to 16'] },
      ],
      [
        'an unknown subregion',
        { scope: 'SUBREGIONS', subregions: ['BALTIC'] },
        { 'audience.subregions': ['unknown subregion BALTIC'] },
      ],
      [
        'a non-beneficiary country',
        { scope: 'COUNTRIES', countries: ['DE'] },
        { 'audience.countries': ['unknown country DE'] },
      ],
      [
        'a duplicate country',
        { scope: 'COUNTRIES', countries: ['GE', 'GE'] },
        { 'audience.countries': ['lists GE more than once'] },
      ],
      [
        'a list the scope does not use',
        { scope: 'NETWORK', countries: ['GE'], subregions: ['CAUCASUS'] },
        {
          'audience.subregions': ['must be empty when the scope is NETWORK'],
          'audience.countries': ['must be empty when the scope is NETWORK'],
        },
      ],
      [
        'countries with a SUBREGIONS scope',
        { scope: 'SUBREGIONS', subregions: ['CAUCASUS'], countries: ['GE'] },
        { 'audience.countries': ['must be empty when the scope is SUBREGIONS'] },
      ],
    ])('rejects %s', (_, audience, fields) => {
      expect(problems((input) => input.audience('audience', audience))).toEqual(fields);
    });
  });

  describe('partner countries', () => {
    it('accepts 1 to 15 distinct beneficiaries other than the lead', () => {
      const allButLead = ['AL', 'BA', 'ME', 'MK', 'RS', 'BY', 'MD', 'UA', 'AM', 'AZ', 'GE', 'KG', 'TJ', 'TM', 'UZ'];
      expect(problems((input) => input.partnerCountries('partnerCountries', ['KG'], 'KZ'))).toEqual({});
      expect(problems((input) => input.partnerCountries('partnerCountries', allButLead, 'KZ'))).toEqual({});
    });

    it.each([
      ['none', [], ['must list from 1 to 15']],
      ['the lead', ['KG', 'KZ'], ['KZ leads the project and cannot be its partner']],
      ['a duplicate', ['KG', 'KG'], ['lists KG more than once']],
      ['a non-beneficiary', ['CN'], ['unknown country CN']],
    ])('rejects %s', (_, partners, messages) => {
      expect(problems((input) => input.partnerCountries('partnerCountries', partners, 'KZ'))).toEqual({
        partnerCountries: messages,
      });
    });
  });

  describe('consulted countries', () => {
    it('accepts 1 to 15 distinct beneficiaries other than the originating country', () => {
      const allButKazakhstan = [
        'AL',
        'BA',
        'ME',
        'MK',
        'RS',
        'BY',
        'MD',
        'UA',
        'AM',
        'AZ',
        'GE',
        'KG',
        'TJ',
        'TM',
        'UZ',
      ];
      expect(problems((input) => input.consultedCountries('consultedCountries', ['KG'], 'KZ'))).toEqual({});
      expect(problems((input) => input.consultedCountries('consultedCountries', allButKazakhstan, 'KZ'))).toEqual({});
    });

    it.each([
      ['none', [], ['must list from 1 to 15']],
      ['the originating country', ['KG', 'KZ'], ['KZ is consulting and cannot be consulted']],
      ['a duplicate', ['KG', 'KG'], ['lists KG more than once']],
      ['a non-beneficiary', ['CN'], ['unknown country CN']],
    ])('rejects %s', (_, consulted, messages) => {
      expect(problems((input) => input.consultedCountries('consultedCountries', consulted, 'KZ'))).toEqual({
        consultedCountries: messages,
      });
    });
  });

  describe('country', () => {
    it('accepts a beneficiary and names anything else', () => {
      expect(problems((input) => input.country('country', 'KG'))).toEqual({});
      expect(problems((input) => input.country('country', 'kg'))).toEqual({ country: ['unknown country kg'] });
    });
  });

  describe('texts', () => {
    const limits = { min: 1, max: 10 };
    const count = { min: 0, max: 3 };

    it('accepts an empty list and distinct texts within the limits', () => {
      expect(problems((input) => input.texts('names', [], limits, count))).toEqual({});
      expect(problems((input) => input.texts('names', ['a', 'bb', 'x'.repeat(10)], limits, count))).toEqual({});
    });

    it('names each entry that breaks the text rules by its place, and duplicates and the count', () => {
      expect(problems((input) => input.texts('names', ['ok', '', 'x'.repeat(11), 'ok'], limits, count))).toEqual({
        names: [
          'must list from 0 to 3',
          'entry 2 must not be empty',
          'entry 3 must be at most 10 characters',
          'lists ok more than once',
        ],
      });
    });
  });

  describe('links', () => {
    const guide = { url: 'https://unece.org/guide.pdf', title: 'Safety guidelines', kind: 'GUIDE' };

    it('accepts up to 10 http and https links, OTHER when no kind is given, and none when absent', () => {
      const input = new InputValidator();
      expect(input.links('links', null)).toEqual([]);
      expect(input.links('links', undefined)).toEqual([]);
      expect(input.links('links', [guide, { url: 'http://example.org/map', title: 'Map', kind: null }])).toEqual([
        guide,
        { url: 'http://example.org/map', title: 'Map', kind: 'OTHER' },
      ]);
      expect(
        input.links(
          'links',
          Array.from({ length: 10 }, () => guide),
        ),
      ).toHaveLength(10);
      expect(input.links('links', [{ url: `https://example.org/${'x'.repeat(1_980)}`, title: 'Long' }])).toHaveLength(
        1,
      );
      expect(() => input.throwIfInvalid()).not.toThrow();
    });

    it.each([
      ['a javascript: URL', 'javascript:alert(1)', 'must be an http or https URL'],
      ['a file: URL', 'file:///etc/passwd', 'must be an http or https URL'],
      ['a data: URL', 'data:text/html,<b>hi</b>', 'must be an http or https URL'],
      ['an ftp: URL', 'ftp://example.org/file', 'must be an http or https URL'],
      ['no URL at all', 'not a url', 'must not contain whitespace or control characters'],
      ['a relative path', '/docs/guide.pdf', 'must be an http or https URL'],
      ['a scheme hidden by a tab', 'java\tscript:alert(1)', 'must not contain whitespace or control characters'],
      ['a URL with a space', 'https://example.org/a guide.pdf', 'must not contain whitespace or control characters'],
      ['an empty URL', '', 'must not be empty'],
      ['a URL of 2,001 characters', `https://example.org/${'x'.repeat(1_982)}`, 'must be at most 2000 characters'],
    ])('rejects %s', (_, url, message) => {
      expect(problems((input) => input.links('links', [guide, { ...guide, url }]))).toEqual({
        'links.1.url': [message],
      });
    });

    it('checks the title and the kind of each link, and their number', () => {
      expect(
        problems((input) =>
          input.links('links', [
            { url: guide.url, title: '', kind: 'GUIDE' },
            { url: guide.url, title: 'x'.repeat(201), kind: 'VIDEO' },
          ]),
        ),
      ).toEqual({
        'links.0.title': ['must not be empty'],
        'links.1.title': ['must be at most 200 characters'],
        'links.1.kind': ['must be one of GUIDE, TEMPLATE, REPORT, MAP, PRESENTATION, LEGISLATION, OTHER'],
      });
      expect(
        problems((input) =>
          input.links(
            'links',
            Array.from({ length: 11 }, () => guide),
          ),
        ),
      ).toEqual({
        links: ['must list at most 10'],
      });
    });
  });

  describe('activity countries', () => {
    it('accepts the lead and partners that joined', () => {
      expect(problems((input) => input.activityCountries('countries', ['KZ', 'KG'], ['KZ', 'KG']))).toEqual({});
    });

    it.each([
      ['none', [], ['must list from 1 to 16']],
      ['a country not involved', ['KZ', 'TJ'], ['TJ is neither the lead nor a partner that joined']],
      ['a duplicate', ['KZ', 'KZ'], ['lists KZ more than once']],
      ['an unknown country', ['FR'], ['unknown country FR']],
    ])('rejects %s', (_, countries, messages) => {
      expect(problems((input) => input.activityCountries('countries', countries, ['KZ', 'KG']))).toEqual({
        countries: messages,
      });
    });
  });

  describe('future', () => {
    const now = new Date('2019-03-14T09:00:00.000Z');

    it('accepts an instant after now, as ISO text', () => {
      const input = new InputValidator();
      expect(input.future('respondBy', new Date('2019-03-14T09:00:00.001Z'), now)).toBe('2019-03-14T09:00:00.001Z');
      expect(() => input.throwIfInvalid()).not.toThrow();
    });

    it.each([
      ['now', now, 'must be in the future'],
      ['the past', new Date('2019-03-13T09:00:00.000Z'), 'must be in the future'],
      ['an invalid date', new Date(Number.NaN), 'must be a date and time'],
    ])('rejects %s', (_, value, message) => {
      expect(problems((input) => input.future('respondBy', value, now))).toEqual({ respondBy: [message] });
    });
  });

  it('records a valid instant as ISO 8601 and rejects an invalid one', () => {
    const input = new InputValidator();
    expect(input.instant('startsOn', new Date('2018-05-15T00:00:00+06:00'))).toBe('2018-05-14T18:00:00.000Z');
    expect(problems((check) => check.instant('startsOn', new Date('not a date')))).toEqual({
      startsOn: ['must be a valid date and time'],
    });
  });

  it('collects the problems of several fields into one ValidationFailed', () => {
    expect(
      problems((input) => {
        input.text('title', '', INPUT_LIMITS.title);
        input.topics('topics', []);
        input.reject('input', 'custom');
      }),
    ).toEqual({ title: ['must not be empty'], topics: ['must list from 1 to 5'], input: ['custom'] });
  });
});

import type { Client } from 'graphql-ws';
import type { Participant } from '@coop/domain';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { headCursor, ITEM_UPDATED, FEED_UPDATED, liveClient, LiveSubscription } from '../live/support/live-client.js';
import {
  consultationInput,
  dataOf,
  expectError,
  expectFieldError,
  feedItemIds,
  itemFor,
  postComment,
  requestConsultation,
  sharePractice,
} from './support/api.js';
import {
  CONCLUDE_CONSULTATION,
  COOPERATION_STATS,
  ITEM_AS_OF,
  ITEM_HISTORY,
  POST_COMMENT,
  REQUEST_CONSULTATION,
  RESPOND_TO_CONSULTATION,
  SEARCH,
  VERIFY_INTEGRITY,
  WITHDRAW_CONSULTATION,
} from './support/documents.js';
import { cast } from './support/people.js';
import type {
  AuditEventFields,
  Connection,
  ConsultationFields,
  CountryActivity,
  IntegrityReport,
  ItemFields,
} from './support/types.js';

const {
  kzFocalPoint,
  kzFocalPoint2,
  kzExpert,
  kgFocalPoint,
  kgExpert,
  uzFocalPoint,
  tjFocalPoint,
  alExpert,
  secretariat,
} = cast;

let app: TestApp;
const clients: Client[] = [];

beforeAll(async () => {
  app = await startTestApp();
  // `headCursor` needs one entry in the log.
  await sharePractice(app, kzExpert);
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
});

afterAll(async () => {
  await app?.dispose();
});

type Position = ConsultationFields['responses'][number]['position'];

const request = (who: Participant, overrides: Record<string, unknown> = {}) =>
  app.gql<{ requestConsultation: ConsultationFields }>(who, REQUEST_CONSULTATION, {
    input: consultationInput(overrides),
  });
const respond = (
  who: Participant,
  consultationId: string,
  position: Position = 'POSSIBLE_EFFECTS',
  body = 'Our irrigation canals draw from this river; please share the dam-break study.',
) =>
  app.gql<{ respondToConsultation: ConsultationFields }>(who, RESPOND_TO_CONSULTATION, {
    consultationId,
    position,
    body,
  });
const conclude = (who: Participant, id: string, conclusion = 'A joint monitoring station will watch the river.') =>
  app.gql<{ concludeConsultation: ConsultationFields }>(who, CONCLUDE_CONSULTATION, { id, conclusion });
const withdraw = (who: Participant, id: string, reason = 'The project was cancelled') =>
  app.gql<{ withdrawConsultation: ConsultationFields }>(who, WITHDRAW_CONSULTATION, { id, reason });
const responded = async (who: Participant, id: string, position?: Position, body?: string) =>
  dataOf(await respond(who, id, position, body)).respondToConsultation;
const consultationFor = async (who: Participant, id: string) =>
  (await itemFor(app, who, id)) as ConsultationFields | null;
const historyOf = async (id: string) =>
  dataOf(await app.gql<{ item: { history: AuditEventFields[] } }>(secretariat, ITEM_HISTORY, { id })).item.history;
const searchIds = async (who: Participant, text: string) =>
  dataOf(await app.gql<{ search: Connection<{ id: string }> }>(who, SEARCH, { text, first: 100 })).search.edges.map(
    (edge) => edge.node.id,
  );
const stats = async () =>
  dataOf(await app.gql<{ cooperationStats: CountryActivity[] }>(secretariat, COOPERATION_STATS, {})).cooperationStats;
const countOf = (rows: CountryActivity[], country: string, activity: string) =>
  rows.find((row) => row.country.code === country)?.counts.find((count) => count.activity === activity)?.count ?? 0;
const codes = (countries: { code: string }[]) => countries.map((country) => country.code);

async function subscribe(
  who: Participant,
  variables: Record<string, unknown>,
  query = FEED_UPDATED,
  field = 'feedUpdated',
) {
  const client = await liveClient(app, who);
  clients.push(client);
  return new LiveSubscription(client, query, { since: await headCursor(app, secretariat), ...variables }, field);
}

describe('a transboundary consultation, from request to conclusion', () => {
  it('runs as the Programme asks: KZ consults KG and UZ on a tailings facility, they respond, KZ concludes', async () => {
    const watchers = {
      kgFeed: await subscribe(kgExpert, { subregion: 'CENTRAL_ASIA' }),
      tjFeed: await subscribe(tjFocalPoint, { subregion: 'CENTRAL_ASIA' }),
      alFeed: await subscribe(alExpert, {}),
      alCentralAsia: await subscribe(alExpert, { subregion: 'CENTRAL_ASIA' }),
    };

    const consultation = await requestConsultation(app, kzFocalPoint, {
      title: 'Raising a tailings dam near the KG border',
    });
    expect(consultation).toMatchObject({
      __typename: 'TransboundaryConsultation',
      kind: 'CONSULTATION',
      version: 1,
      status: 'OPEN',
      country: { code: 'KZ' },
      author: { id: kzFocalPoint.id },
      audience: { scope: 'COUNTRIES', subregions: [], countries: [] },
      subregions: ['CENTRAL_ASIA'],
      consultedCountries: [{ code: 'KG' }, { code: 'UZ' }],
      responses: [],
      awaiting: [{ code: 'KG' }, { code: 'UZ' }],
      overdue: false,
      conclusion: null,
    });
    const itemFollower = await subscribe(uzFocalPoint, { id: consultation.id }, ITEM_UPDATED, 'itemUpdated');

    // A KG participant who is not its focal point may read it, not answer for KG.
    expect(await consultationFor(kgExpert, consultation.id)).toEqual(consultation);
    expectError(await respond(kgExpert, consultation.id), 'FORBIDDEN');

    const afterKg = await responded(kgFocalPoint, consultation.id, 'POSSIBLE_EFFECTS');
    expect(afterKg.responses).toEqual([
      {
        country: { code: 'KG' },
        position: 'POSSIBLE_EFFECTS',
        body: 'Our irrigation canals draw from this river; please share the dam-break study.',
        by: { id: kgFocalPoint.id },
        respondedAt: expect.any(String),
        revisedAt: null,
      },
    ]);
    expect(codes(afterKg.awaiting)).toEqual(['UZ']);
    const afterUz = await responded(uzFocalPoint, consultation.id, 'NEEDS_MORE_INFORMATION', 'What is the dam height?');
    expect(afterUz.awaiting).toEqual([]);
    expect(afterUz.responses.map((response) => [response.country.code, response.position])).toEqual([
      ['KG', 'POSSIBLE_EFFECTS'],
      ['UZ', 'NEEDS_MORE_INFORMATION'],
    ]);

    // Responding again revises the country's response; the history keeps both versions.
    const revised = await responded(kgFocalPoint, consultation.id, 'NO_SIGNIFICANT_EFFECTS', 'The study reassured us.');
    const kg = revised.responses.find((response) => response.country.code === 'KG');
    expect(kg).toMatchObject({ position: 'NO_SIGNIFICANT_EFFECTS', body: 'The study reassured us.' });
    expect(kg?.respondedAt).toBe(afterKg.responses[0]?.respondedAt);
    expect(kg?.revisedAt).toEqual(expect.any(String));
    expect(revised.responses).toHaveLength(2);

    const concluded = dataOf(await conclude(kzFocalPoint2, consultation.id)).concludeConsultation;
    expect(concluded).toMatchObject({
      status: 'CONCLUDED',
      conclusion: 'A joint monitoring station will watch the river.',
      version: 5,
      overdue: false,
    });
    expectError(await respond(uzFocalPoint, consultation.id), 'INVALID_STATE');
    expectError(await withdraw(kzFocalPoint, consultation.id), 'INVALID_STATE');

    const history = await historyOf(consultation.id);
    expect(history.map((event) => [event.type, event.actor?.id])).toEqual([
      ['ConsultationRequested', kzFocalPoint.id],
      ['ConsultationResponded', kgFocalPoint.id],
      ['ConsultationResponded', uzFocalPoint.id],
      ['ConsultationResponded', kgFocalPoint.id],
      ['ConsultationConcluded', kzFocalPoint2.id],
    ]);
    expect(history[1]?.data).toMatchObject({ country: 'KG', originatingCountry: 'KZ', position: 'POSSIBLE_EFFECTS' });
    expect(history[3]?.data).toMatchObject({ country: 'KG', position: 'NO_SIGNIFICANT_EFFECTS' });
    expect(history.every((event, index) => index === 0 || event.previousHash === history[index - 1]?.hash)).toBe(true);
    const integrity = dataOf(await app.gql<{ verifyIntegrity: IntegrityReport }>(secretariat, VERIFY_INTEGRITY));
    expect(integrity.verifyIntegrity).toMatchObject({ valid: true, problems: [] });

    // Live: every activity reaches the consulted countries; a neighbour not consulted and a far country get only the marker.
    const marker = await sharePractice(app, kzExpert);
    for (const [name, watcher] of Object.entries(watchers)) {
      await watcher.until(`the marker for ${name}`, () => watcher.entries.some((entry) => entry.item.id === marker.id));
    }
    const activities = (watcher: LiveSubscription) =>
      watcher.entries.filter((entry) => entry.item.id === consultation.id).map((entry) => entry.activity);
    expect(activities(watchers.kgFeed)).toEqual([
      'CONSULTATION_REQUESTED',
      'CONSULTATION_RESPONDED',
      'CONSULTATION_RESPONDED',
      'CONSULTATION_RESPONDED',
      'CONSULTATION_CONCLUDED',
    ]);
    expect(watchers.tjFeed.entries.map((entry) => entry.item.id)).toEqual([marker.id]);
    expect(watchers.alFeed.entries.map((entry) => entry.item.id)).toEqual([marker.id]);
    expect(watchers.alCentralAsia.entries.map((entry) => entry.item.id)).toEqual([marker.id]);
    await itemFollower.until('the conclusion', () =>
      itemFollower.entries.some((entry) => entry.activity === 'CONSULTATION_CONCLUDED'),
    );
    expect(itemFollower.entries.map((entry) => entry.activity)).toEqual([
      'CONSULTATION_RESPONDED',
      'CONSULTATION_RESPONDED',
      'CONSULTATION_RESPONDED',
      'CONSULTATION_CONCLUDED',
    ]);
  });
});

describe('who sees a consultation', () => {
  let consultation: ConsultationFields;

  beforeAll(async () => {
    consultation = await requestConsultation(app, kzFocalPoint, { title: 'Chemical plant near Shymkent' });
  });

  it.each([
    ['the originating country', kzExpert],
    ['a consulted country', kgExpert],
    ['another consulted country', uzFocalPoint],
    ['the secretariat', secretariat],
  ])('shows it to %s, in the item, feeds and search', async (_, who) => {
    expect((await consultationFor(who, consultation.id))?.id).toBe(consultation.id);
    expect(await feedItemIds(app, who)).toContain(consultation.id);
    expect(await feedItemIds(app, who, { subregion: 'CENTRAL_ASIA' })).toContain(consultation.id);
    expect(await searchIds(who, 'Shymkent')).toContain(consultation.id);
  });

  it.each([
    ['a far country', alExpert],
    ['a neighbour that is not consulted', tjFocalPoint],
  ])('does not exist for %s anywhere', async (_, who) => {
    expect(await itemFor(app, who, consultation.id)).toBeNull();
    for (const subregion of [undefined, 'CENTRAL_ASIA', 'SOUTH_EASTERN_EUROPE'] as const) {
      expect(await feedItemIds(app, who, subregion ? { subregion } : {})).not.toContain(consultation.id);
    }
    expect(await feedItemIds(app, who, { kinds: ['CONSULTATION'] })).not.toContain(consultation.id);
    expect(await searchIds(who, 'Shymkent')).toEqual([]);
    const asOf = await app.gql<{ itemAsOf: ItemFields | null }>(who, ITEM_AS_OF, {
      id: consultation.id,
      at: new Date().toISOString(),
    });
    expect(dataOf(asOf).itemAsOf).toBeNull();
  });

  it('answers NOT_FOUND to every mutation on it from a country that may not see it', async () => {
    const alFocalPoint = { ...alExpert, id: 'al-fp', roles: ['FOCAL_POINT' as const] };
    expectError(await respond(alFocalPoint, consultation.id), 'NOT_FOUND');
    expectError(await conclude(alFocalPoint, consultation.id), 'NOT_FOUND');
    expectError(await withdraw(alFocalPoint, consultation.id), 'NOT_FOUND');
    expectError(
      await app.gql(alExpert, POST_COMMENT, { input: { itemId: consultation.id, body: 'Hello' } }),
      'NOT_FOUND',
    );
    expect((await consultationFor(kzExpert, consultation.id))?.version).toBe(1);
  });

  it('refuses an itemUpdated subscription to a country that may not see it', async () => {
    const refused = await subscribe(alExpert, { id: consultation.id }, ITEM_UPDATED, 'itemUpdated');
    await refused.untilEnded();
    expect(refused.errors?.map((error) => error.extensions?.['code'])).toEqual(['NOT_FOUND']);
  });

  it('lets those who see it discuss it', async () => {
    const comment = await postComment(app, uzFocalPoint, consultation.id);
    expect(comment.itemId).toBe(consultation.id);
  });

  it('reaches a wider audience when its author gives one', async () => {
    const widened = await requestConsultation(app, kzFocalPoint, {
      consultedCountries: ['TM'],
      audience: { scope: 'SUBREGIONS', subregions: ['SOUTH_EASTERN_EUROPE'] },
    });
    expect(widened.subregions).toEqual(['SOUTH_EASTERN_EUROPE', 'CENTRAL_ASIA']);
    expect((await consultationFor(alExpert, widened.id))?.id).toBe(widened.id);
    expect(await consultationFor(tjFocalPoint, widened.id)).toBeNull();
    expect(await feedItemIds(app, alExpert, { subregion: 'SOUTH_EASTERN_EUROPE' })).toContain(widened.id);
  });
});

describe('overdue', () => {
  it('turns true once respondBy passes with a country still awaited, without any new event', async () => {
    // Seconds ahead: a short wait, and room enough for the request on a busy machine.
    const respondBy = new Date(Date.now() + 4_000);
    const consultation = await requestConsultation(app, kzFocalPoint, { respondBy: respondBy.toISOString() });
    await responded(uzFocalPoint, consultation.id);
    const before = await consultationFor(kgExpert, consultation.id);
    // The service read it before this line; only a read answered before respondBy must say "not overdue".
    if (Date.now() < respondBy.getTime()) expect(before?.overdue).toBe(false);
    expect(before).toMatchObject({ version: 2, status: 'OPEN' });
    expect(codes(before?.awaiting ?? [])).toEqual(['KG']);

    await new Promise((resolve) => setTimeout(resolve, Math.max(0, respondBy.getTime() - Date.now()) + 50));

    const after = await consultationFor(kgExpert, consultation.id);
    expect(after).toMatchObject({ overdue: true, version: 2, status: 'OPEN' });
    expect(after?.updatedAt).toBe(before?.updatedAt);
    expect(await historyOf(consultation.id)).toHaveLength(2);
    // A late response is taken; with nobody awaited any more, it is no longer overdue.
    expect(await responded(kgFocalPoint, consultation.id)).toMatchObject({ overdue: false, awaiting: [] });
  });
});

describe('withdrawConsultation', () => {
  it('lets a focal point of the originating country withdraw it, and no one else', async () => {
    const consultation = await requestConsultation(app, kzFocalPoint);
    for (const who of [kzExpert, kgFocalPoint, secretariat])
      expectError(await withdraw(who, consultation.id), 'FORBIDDEN');
    expect(dataOf(await withdraw(kzFocalPoint2, consultation.id)).withdrawConsultation.status).toBe('WITHDRAWN');
    expectError(await respond(kgFocalPoint, consultation.id), 'INVALID_STATE');
    expectError(await conclude(kzFocalPoint, consultation.id), 'INVALID_STATE');
  });

  it('lets only the originating country conclude', async () => {
    const consultation = await requestConsultation(app, kzFocalPoint);
    for (const who of [kzExpert, uzFocalPoint, secretariat]) {
      expectError(await conclude(who, consultation.id), 'FORBIDDEN');
    }
  });
});

describe('requestConsultation', () => {
  it.each([
    ['a participant who is not a focal point', kzExpert],
    ['the secretariat', secretariat],
  ])('is refused to %s', async (_, who) => {
    expectError(await request(who), 'FORBIDDEN');
  });

  it.each([
    ['no consulted country', { consultedCountries: [] }, 'consultedCountries'],
    [
      '16 consulted countries',
      {
        consultedCountries: [
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
          'KZ',
        ],
      },
      'consultedCountries',
    ],
    ['a country consulted twice', { consultedCountries: ['KG', 'KG'] }, 'consultedCountries'],
    ['a country that is no beneficiary', { consultedCountries: ['KG', 'CN'] }, 'consultedCountries'],
    ['the originating country', { consultedCountries: ['KG', 'KZ'] }, 'consultedCountries'],
    ['a respondBy in the past', { respondBy: new Date(Date.now() - 60_000).toISOString() }, 'respondBy'],
    ['a hazardous activity of 2 characters', { hazardousActivity: 'TM' }, 'hazardousActivity'],
    ['a location of 501 characters', { location: 'x'.repeat(501) }, 'location'],
    ['a body over 20,000 characters', { body: 'x'.repeat(20_001) }, 'body'],
    ['an audience of countries without a country', { audience: { scope: 'COUNTRIES', countries: [] } }, 'audience'],
  ])('answers BAD_USER_INPUT naming the field for %s', async (_, overrides, field) => {
    expectFieldError(await request(kzFocalPoint, overrides), field);
  });

  it('says why the originating country cannot be consulted', async () => {
    expect(expectFieldError(await request(kzFocalPoint, { consultedCountries: ['KZ'] }), 'consultedCountries')).toEqual(
      ['KZ is consulting and cannot be consulted'],
    );
    expect(
      expectFieldError(await request(kzFocalPoint, { respondBy: '2019-01-01T00:00:00.000Z' }), 'respondBy'),
    ).toEqual(['must be in the future']);
  });

  it('answers the same consultation for a retried idempotency key', async () => {
    const idempotencyKey = 'consultation-retry';
    const first = await requestConsultation(app, kzFocalPoint, { idempotencyKey });
    const retried = await requestConsultation(app, kzFocalPoint, { idempotencyKey });
    expect(retried.id).toBe(first.id);
    expect(retried.version).toBe(1);
  });
});

describe('respondToConsultation and concludeConsultation', () => {
  it.each([
    ['an empty response', '   '],
    ['a response over 5,000 characters', 'x'.repeat(5_001)],
  ])('answer BAD_USER_INPUT for %s', async (_, body) => {
    const consultation = await requestConsultation(app, kzFocalPoint);
    expectFieldError(await respond(kgFocalPoint, consultation.id, 'POSSIBLE_EFFECTS', body), 'body');
  });

  it('answers BAD_USER_INPUT for a conclusion over 5,000 characters, and FORBIDDEN to a country not consulted that sees it', async () => {
    const consultation = await requestConsultation(app, kzFocalPoint, { audience: { scope: 'NETWORK' } });
    expectFieldError(await conclude(kzFocalPoint, consultation.id, 'x'.repeat(5_001)), 'conclusion');
    expectError(await respond(tjFocalPoint, consultation.id), 'FORBIDDEN');
    expectError(await respond(kzFocalPoint, consultation.id), 'FORBIDDEN');
  });
});

describe('cooperationStats', () => {
  it('counts consultation activities per acting country', async () => {
    const before = await stats();
    const consultation = await requestConsultation(app, kzFocalPoint);
    await responded(kgFocalPoint, consultation.id);
    await responded(kgFocalPoint, consultation.id, 'NO_SIGNIFICANT_EFFECTS');
    dataOf(await conclude(kzFocalPoint, consultation.id));
    const after = await stats();
    const delta = (country: string, activity: string) =>
      countOf(after, country, activity) - countOf(before, country, activity);
    expect(delta('KZ', 'CONSULTATION_REQUESTED')).toBe(1);
    expect(delta('KG', 'CONSULTATION_RESPONDED')).toBe(2);
    expect(delta('KZ', 'CONSULTATION_CONCLUDED')).toBe(1);
  });
});

import fc from 'fast-check';
import type { Issued } from '../shared/event.types.js';
import { COUNTRY_CODES, isCountryCode, isTopic, SUBREGIONS, TOPICS } from '../reference/reference-data.js';
import { Forbidden, InvalidState, NotFound, ValidationFailed } from '../shared/domain.errors.js';
import type { AudienceInput } from '../shared/item.types.js';
import { fold } from '../shared/decider.types.js';
import { deciderSpec } from '../testing/decider.specification.js';
import {
  focalPointOf,
  minutesAfterNow,
  NOW,
  participantOfCountry,
  roleless,
  SECRETARIAT,
} from '../testing/domain.fixtures.js';
import type { AdoptPractice, RevisePractice, SharePractice, WithdrawPractice } from './practice.commands.js';
import { practiceDecider } from './practice.decider.js';
import type { PracticeAdopted, PracticeEvent, PracticeShared, PracticeWithdrawn } from './practice.events.js';

const spec = deciderSpec(practiceDecider);
const author = participantOfCountry('KZ', 'author');
const colleague = participantOfCountry('KZ', 'colleague');
const kzFocalPoint = focalPointOf('KZ');
const stranger = participantOfCountry('AL');
const practiceId = 'p-1';
const later = minutesAfterNow(5);

const share = (overrides: Partial<Issued<SharePractice>> = {}): Issued<SharePractice> => ({
  type: 'SharePractice',
  practiceId,
  actor: author,
  now: NOW,
  title: 'Tailings safety checklist in practice',
  summary: 'How the checklist was applied to 12 facilities.',
  body: 'We inspected twelve tailings management facilities.\n\tFindings follow.',
  topics: ['TAILINGS_SAFETY', 'PREVENTION'],
  audience: { scope: 'SUBREGIONS', subregions: ['CENTRAL_ASIA'] },
  ...overrides,
});

const shared: PracticeShared = {
  type: 'PracticeShared',
  data: {
    practiceId,
    country: 'KZ',
    author: { id: 'author', name: 'Participant of KZ', country: 'KZ', roles: ['PARTICIPANT'] },
    title: 'Tailings safety checklist in practice',
    summary: 'How the checklist was applied to 12 facilities.',
    body: 'We inspected twelve tailings management facilities.\n\tFindings follow.',
    topics: ['TAILINGS_SAFETY', 'PREVENTION'],
    audience: { scope: 'SUBREGIONS', subregions: ['CENTRAL_ASIA'], countries: [] },
    links: [],
    occurredAt: NOW.toISOString(),
  },
};

const checklist = {
  url: 'https://unece.org/tailings-checklist.pdf',
  title: 'Tailings checklist',
  kind: 'TEMPLATE',
} as const;

const revise = (overrides: Partial<Issued<RevisePractice>> = {}): Issued<RevisePractice> => ({
  type: 'RevisePractice',
  practiceId,
  expectedVersion: 1,
  actor: author,
  now: later,
  ...overrides,
});

const withdraw = (overrides: Partial<Issued<WithdrawPractice>> = {}): Issued<WithdrawPractice> => ({
  type: 'WithdrawPractice',
  practiceId,
  actor: author,
  now: later,
  reason: 'Superseded by the 2019 guidelines',
  ...overrides,
});

const withdrawn: PracticeWithdrawn = {
  type: 'PracticeWithdrawn',
  data: { practiceId, reason: 'Superseded by the 2019 guidelines', by: author, occurredAt: later.toISOString() },
};

const adopt = (overrides: Partial<Issued<AdoptPractice>> = {}): Issued<AdoptPractice> => ({
  type: 'AdoptPractice',
  practiceId,
  actor: stranger,
  now: later,
  ...overrides,
});

const adoptedBy = (by: typeof stranger, note: string | null = null): PracticeAdopted => ({
  type: 'PracticeAdopted',
  data: { practiceId, country: by.country!, note, by, occurredAt: later.toISOString() },
});

describe('practice decider', () => {
  describe('share', () => {
    it('records the practice with its country, author, content and validated audience', () => {
      spec.given([]).when(share()).then([shared]);
    });

    it('records its links, OTHER when a link names no kind', () => {
      spec
        .given([])
        .when(share({ links: [checklist, { url: 'http://example.org/map', title: 'Hazard map' }] }))
        .then([
          {
            ...shared,
            data: {
              ...shared.data,
              links: [checklist, { url: 'http://example.org/map', title: 'Hazard map', kind: 'OTHER' }],
            },
          },
        ]);
    });

    it('rejects a link that is not http or https', () => {
      spec
        .given([])
        .when(share({ links: [checklist, { url: 'javascript:alert(1)', title: 'Click' }] }))
        .thenThrows(ValidationFailed, (error) =>
          expect(error.fields).toEqual({ 'links.1.url': ['must be an http or https URL'] }),
        );
    });

    it('records only the participant fields of the actor', () => {
      const actorWithClaims = { ...author, token: 'secret' };
      spec
        .given([])
        .when(share({ actor: actorWithClaims }))
        .then([shared]);
    });

    it('lets a focal point share', () => {
      const [event] = practiceDecider.decide(share({ actor: kzFocalPoint }), practiceDecider.initialState());
      expect(event?.data).toMatchObject({ country: 'KZ', author: { id: kzFocalPoint.id } });
    });

    it.each([
      ['the secretariat (no country)', SECRETARIAT],
      ['an actor without a participant role', roleless('KZ')],
    ])('forbids %s', (_, actor) => {
      spec.given([]).when(share({ actor })).thenThrows(Forbidden);
    });

    it('rejects sharing twice under the same id', () => {
      spec.given([shared]).when(share()).thenThrows(InvalidState);
    });

    it('validates every field and reports all problems at once', () => {
      spec
        .given([])
        .when(
          share({
            title: 'ab',
            summary: 'x'.repeat(1_001),
            body: ' padded',
            topics: ['PREVENTION', 'PREVENTION'],
            audience: { scope: 'COUNTRIES', countries: [] },
          }),
        )
        .thenThrows(ValidationFailed, (error) => {
          expect(Object.keys(error.fields).sort()).toEqual([
            'audience.countries',
            'body',
            'summary',
            'title',
            'topics',
          ]);
        });
    });

    it('rejects an unknown topic and an unknown country in the audience', () => {
      spec
        .given([])
        .when(share({ topics: ['ASTROLOGY'], audience: { scope: 'COUNTRIES', countries: ['KZ', 'FR'] } }))
        .thenThrows(ValidationFailed, (error) => {
          expect(error.fields).toEqual({
            topics: ['unknown topic ASTROLOGY'],
            'audience.countries': ['unknown country FR'],
          });
        });
    });
  });

  it('never writes an invalid practice, whatever the input', () => {
    // Mostly valid values, so that events do get written, mixed with anything at all.
    const mostly = <T>(valid: fc.Arbitrary<T>, anything: fc.Arbitrary<T>) =>
      fc.oneof({ arbitrary: valid, weight: 4 }, { arbitrary: anything, weight: 1 });
    const text = mostly(
      fc.string({ minLength: 1, maxLength: 60 }).map((words) => `Text ${words}.`),
      fc.string({ unit: 'binary', maxLength: 1_100 }),
    );
    const codes = <T extends string>(known: readonly T[]) =>
      mostly<readonly string[]>(
        fc.uniqueArray(fc.constantFrom(...known), { minLength: 1, maxLength: 5 }),
        fc.array(fc.oneof(fc.constantFrom(...known), fc.string({ maxLength: 3 })), { maxLength: 7 }),
      );
    const command = fc.record({
      title: text,
      summary: text,
      body: text,
      topics: codes(TOPICS),
      audience: mostly<AudienceInput>(
        fc.oneof(
          fc.constant({ scope: 'NETWORK' }),
          codes(SUBREGIONS).map((subregions) => ({ scope: 'SUBREGIONS', subregions })),
          codes(COUNTRY_CODES).map((countries) => ({ scope: 'COUNTRIES', countries })),
        ),
        fc.record({
          scope: fc.constantFrom('NETWORK', 'SUBREGIONS', 'COUNTRIES', 'WORLD'),
          subregions: codes(SUBREGIONS),
          countries: codes(COUNTRY_CODES),
        }),
      ),
    });
    const isCleanText = (value: string, min: number, max: number) =>
      value === value.trim() && [...value].length >= min && [...value].length <= max && !/[^\P{Cc}\t\n]/u.test(value);
    let written = 0;
    fc.assert(
      fc.property(command, (input) => {
        let events: PracticeEvent[];
        try {
          events = practiceDecider.decide(share(input), practiceDecider.initialState());
        } catch (error) {
          return error instanceof ValidationFailed;
        }
        const [event] = events;
        if (event?.type !== 'PracticeShared') return false;
        written++;
        const { title, summary, body, topics, audience } = event.data;
        const lists = { NETWORK: [], SUBREGIONS: audience.subregions, COUNTRIES: audience.countries }[audience.scope];
        return (
          isCleanText(title, 3, 200) &&
          isCleanText(summary, 1, 1_000) &&
          isCleanText(body, 1, 20_000) &&
          topics.length >= 1 &&
          topics.length <= 5 &&
          new Set(topics).size === topics.length &&
          topics.every(isTopic) &&
          audience.countries.every(isCountryCode) &&
          (audience.scope === 'NETWORK' || lists.length > 0) &&
          audience.subregions.length + audience.countries.length === lists.length
        );
      }),
      { numRuns: 300 },
    );
    expect(written).toBeGreaterThan(30);
  });

  describe('revise', () => {
    it('records only the fields that changed', () => {
      spec
        .given([shared])
        .when(revise({ title: 'Tailings checklist, revised', summary: shared.data.summary }))
        .then([
          {
            type: 'PracticeRevised',
            data: {
              practiceId,
              changes: { title: 'Tailings checklist, revised' },
              by: author,
              occurredAt: later.toISOString(),
            },
          },
        ]);
    });

    it('records new topics but not the same topics in another order', () => {
      spec
        .given([shared])
        .when(revise({ topics: ['PREVENTION', 'TAILINGS_SAFETY'], body: 'New body' }))
        .then([
          {
            type: 'PracticeRevised',
            data: { practiceId, changes: { body: 'New body' }, by: author, occurredAt: later.toISOString() },
          },
        ]);
      spec
        .given([shared])
        .when(revise({ topics: ['PREVENTION'] }))
        .then([
          {
            type: 'PracticeRevised',
            data: { practiceId, changes: { topics: ['PREVENTION'] }, by: author, occurredAt: later.toISOString() },
          },
        ]);
    });

    it('replaces the links when given, and records nothing when they are the same', () => {
      const sharedWithLinks: PracticeShared = { ...shared, data: { ...shared.data, links: [checklist] } };
      const guide = { url: 'https://unece.org/guide.pdf', title: 'Guide', kind: 'GUIDE' } as const;
      spec
        .given([sharedWithLinks])
        .when(revise({ links: [guide, checklist] }))
        .then([
          {
            type: 'PracticeRevised',
            data: { practiceId, changes: { links: [guide, checklist] }, by: author, occurredAt: later.toISOString() },
          },
        ]);
      spec
        .given([sharedWithLinks])
        .when(revise({ links: [] }))
        .then([
          {
            type: 'PracticeRevised',
            data: { practiceId, changes: { links: [] }, by: author, occurredAt: later.toISOString() },
          },
        ]);
      spec
        .given([sharedWithLinks])
        .when(revise({ links: [checklist] }))
        .then([]);
    });

    it('records nothing when nothing changes', () => {
      spec
        .given([shared])
        .when(revise({ title: shared.data.title }))
        .then([]);
    });

    it('lets a focal point of the practice country revise', () => {
      expect(
        practiceDecider.decide(revise({ actor: kzFocalPoint, body: 'Edited' }), fold(practiceDecider, [shared])),
      ).toHaveLength(1);
    });

    it.each([
      ['another participant of the same country', colleague],
      ['a focal point of another country', focalPointOf('AL')],
      ['the secretariat', SECRETARIAT],
    ])('forbids %s', (_, actor) => {
      spec
        .given([shared])
        .when(revise({ actor, title: 'Another title' }))
        .thenThrows(Forbidden);
    });

    it('answers NotFound for a practice that does not exist', () => {
      spec
        .given([])
        .when(revise({ title: 'Another title' }))
        .thenThrows(NotFound);
    });

    it('rejects revising a withdrawn practice', () => {
      spec
        .given([shared, withdrawn])
        .when(revise({ title: 'Another title' }))
        .thenThrows(InvalidState);
    });

    it('rejects a revision that names no field', () => {
      spec
        .given([shared])
        .when(revise({ title: null }))
        .thenThrows(ValidationFailed, (error) => expect(Object.keys(error.fields)).toEqual(['input']));
    });

    it.each([
      ['title', { title: 'x'.repeat(201) }],
      ['summary', { summary: '' }],
      ['body', { body: 'bell\u0007' }],
      ['topics', { topics: [] }],
      ['links.0.url', { links: [{ url: 'file:///etc/passwd', title: 'Passwords' }] }],
    ])('validates %s', (field, change) => {
      spec
        .given([shared])
        .when(revise(change))
        .thenThrows(ValidationFailed, (error) => expect(Object.keys(error.fields)).toEqual([field]));
    });
  });

  describe('withdraw', () => {
    it('records the reason and who withdrew', () => {
      spec.given([shared]).when(withdraw()).then([withdrawn]);
    });

    it('lets a focal point of the practice country withdraw', () => {
      spec
        .given([shared])
        .when(withdraw({ actor: kzFocalPoint }))
        .then([{ ...withdrawn, data: { ...withdrawn.data, by: kzFocalPoint } }]);
    });

    it.each([
      ['another participant of the same country', colleague],
      ['a focal point of another country', focalPointOf('UA')],
      ['the secretariat', SECRETARIAT],
    ])('forbids %s', (_, actor) => {
      spec.given([shared]).when(withdraw({ actor })).thenThrows(Forbidden);
    });

    it('answers NotFound for a practice that does not exist', () => {
      spec.given([]).when(withdraw()).thenThrows(NotFound);
    });

    it('rejects withdrawing twice', () => {
      spec.given([shared, withdrawn]).when(withdraw()).thenThrows(InvalidState);
    });

    it('requires a reason', () => {
      spec
        .given([shared])
        .when(withdraw({ reason: '' }))
        .thenThrows(ValidationFailed, (error) => expect(error.fields).toEqual({ reason: ['must not be empty'] }));
    });
  });

  describe('adopt', () => {
    it('records the adopting country, without a note', () => {
      spec
        .given([shared])
        .when(adopt())
        .then([adoptedBy(stranger)]);
    });

    it('records a note', () => {
      spec
        .given([shared])
        .when(adopt({ note: 'Used in our 2019 inspections' }))
        .then([adoptedBy(stranger, 'Used in our 2019 inspections')]);
    });

    it('lets several countries adopt', () => {
      const ukrainian = participantOfCountry('UA');
      spec
        .given([shared, adoptedBy(stranger)])
        .when(adopt({ actor: ukrainian }))
        .then([adoptedBy(ukrainian)]);
    });

    it('rejects a second adoption by the same country, whoever asks', () => {
      spec
        .given([shared, adoptedBy(stranger)])
        .when(adopt({ actor: focalPointOf('AL') }))
        .thenThrows(InvalidState);
    });

    it.each([
      ['the practice country', colleague],
      ['the secretariat', SECRETARIAT],
      ['an actor without a participant role', roleless('AL')],
    ])('forbids %s', (_, actor) => {
      spec.given([shared]).when(adopt({ actor })).thenThrows(Forbidden);
    });

    it('rejects adopting a withdrawn practice', () => {
      spec.given([shared, withdrawn]).when(adopt()).thenThrows(InvalidState);
    });

    it('answers NotFound for a practice that does not exist', () => {
      spec.given([]).when(adopt()).thenThrows(NotFound);
    });

    it('validates a note when there is one', () => {
      spec
        .given([shared])
        .when(adopt({ note: '   ' }))
        .thenThrows(ValidationFailed);
    });
  });

  describe('evolve', () => {
    it('folds the practice as it stands after each event', () => {
      const history: PracticeEvent[] = [
        shared,
        {
          type: 'PracticeRevised',
          data: { practiceId, changes: { title: 'New title' }, by: author, occurredAt: later.toISOString() },
        },
        adoptedBy(stranger, 'Useful'),
        { ...withdrawn, data: { ...withdrawn.data, occurredAt: minutesAfterNow(9).toISOString() } },
      ];
      expect(fold(practiceDecider, history)).toEqual({
        kind: 'PRACTICE',
        status: 'WITHDRAWN',
        id: practiceId,
        country: 'KZ',
        author: shared.data.author,
        audience: shared.data.audience,
        title: 'New title',
        summary: shared.data.summary,
        body: shared.data.body,
        topics: shared.data.topics,
        links: [],
        adoptions: [{ country: 'AL', by: stranger, note: 'Useful', adoptedAt: later.toISOString() }],
        createdAt: NOW.toISOString(),
        updatedAt: minutesAfterNow(9).toISOString(),
      });
    });

    it('reads a practice shared before items had links (schema version 1) as having none', () => {
      const { links: _, ...withoutLinks } = shared.data;
      const state = fold(practiceDecider, [{ type: 'PracticeShared', data: withoutLinks }]);
      expect(state.status !== 'EMPTY' && state.links).toEqual([]);
    });

    it('ignores an event the state cannot take', () => {
      expect(fold(practiceDecider, [withdrawn])).toEqual({ status: 'EMPTY' });
    });
  });
});

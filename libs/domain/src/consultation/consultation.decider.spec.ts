import { fold } from '../shared/decider.types.js';
import { Forbidden, InvalidState, NotFound, ValidationFailed } from '../shared/domain.errors.js';
import type { Issued } from '../shared/event.types.js';
import type { Participant } from '../shared/participant.types.js';
import { deciderSpec } from '../testing/decider.specification.js';
import {
  focalPointOf,
  minutesAfterNow,
  NOW,
  participantOfCountry,
  roleless,
  SECRETARIAT,
} from '../testing/domain.fixtures.js';
import type {
  ConcludeConsultation,
  ConsultationCommand,
  RequestConsultation,
  RespondToConsultation,
  WithdrawConsultation,
} from './consultation.commands.js';
import {
  awaitingCountries,
  type ConsultationStatus,
  consultationDecider,
  isOverdue,
  type TransboundaryConsultation,
} from './consultation.decider.js';
import type {
  ConsultationConcluded,
  ConsultationEvent,
  ConsultationPosition,
  ConsultationRequested,
  ConsultationResponded,
  ConsultationWithdrawn,
} from './consultation.events.js';

const spec = deciderSpec(consultationDecider);
const consultationId = 'tc-1';
const kzFocalPoint = focalPointOf('KZ');
const otherKzFocalPoint = focalPointOf('KZ', 'focal-point-kz-2');
const kgFocalPoint = focalPointOf('KG');
const uzFocalPoint = focalPointOf('UZ');
const at = (minutes: number) => minutesAfterNow(minutes).toISOString();
/** A week after NOW. */
const RESPOND_BY = minutesAfterNow(7 * 24 * 60);

const request = (overrides: Partial<Issued<RequestConsultation>> = {}): Issued<RequestConsultation> => ({
  type: 'RequestConsultation',
  consultationId,
  actor: kzFocalPoint,
  now: NOW,
  title: 'Tailings facility near the KG border',
  hazardousActivity: 'Tailings management facility of a gold mine',
  location: 'Near the KG border, on a transboundary river',
  body: 'We plan to raise the dam by 12 metres and ask for your assessment of transboundary effects.',
  topics: ['TAILINGS_SAFETY', 'TRANSBOUNDARY_CONSULTATION'],
  consultedCountries: ['KG', 'UZ'],
  respondBy: RESPOND_BY,
  ...overrides,
});

const requested: ConsultationRequested = {
  type: 'ConsultationRequested',
  data: {
    consultationId,
    country: 'KZ',
    author: kzFocalPoint,
    title: 'Tailings facility near the KG border',
    hazardousActivity: 'Tailings management facility of a gold mine',
    location: 'Near the KG border, on a transboundary river',
    body: 'We plan to raise the dam by 12 metres and ask for your assessment of transboundary effects.',
    topics: ['TAILINGS_SAFETY', 'TRANSBOUNDARY_CONSULTATION'],
    consultedCountries: ['KG', 'UZ'],
    respondBy: RESPOND_BY.toISOString(),
    audience: { scope: 'COUNTRIES', subregions: [], countries: [] },
    links: [],
    occurredAt: NOW.toISOString(),
  },
};

const respond = (
  actor: Participant,
  position: ConsultationPosition = 'POSSIBLE_EFFECTS',
  body = 'The river feeds our irrigation; we need the dam-break study.',
  minutes = 5,
): Issued<RespondToConsultation> => ({
  type: 'RespondToConsultation',
  consultationId,
  actor,
  now: minutesAfterNow(minutes),
  position,
  body,
});

const responded = (
  by: Participant = kgFocalPoint,
  position: ConsultationPosition = 'POSSIBLE_EFFECTS',
  body = 'The river feeds our irrigation; we need the dam-break study.',
  minutes = 5,
): ConsultationResponded => ({
  type: 'ConsultationResponded',
  data: {
    consultationId,
    country: by.country!,
    originatingCountry: 'KZ',
    position,
    body,
    by,
    occurredAt: at(minutes),
  },
});

const conclude = (actor: Participant = kzFocalPoint, conclusion = 'A joint monitoring station will be set up.') =>
  ({
    type: 'ConcludeConsultation',
    consultationId,
    actor,
    now: minutesAfterNow(30),
    conclusion,
  }) satisfies Issued<ConcludeConsultation>;

const concluded: ConsultationConcluded = {
  type: 'ConsultationConcluded',
  data: {
    consultationId,
    conclusion: 'A joint monitoring station will be set up.',
    by: kzFocalPoint,
    occurredAt: at(30),
  },
};

const withdraw = (actor: Participant = kzFocalPoint, reason = 'The project was cancelled') =>
  ({
    type: 'WithdrawConsultation',
    consultationId,
    actor,
    now: minutesAfterNow(40),
    reason,
  }) satisfies Issued<WithdrawConsultation>;

const withdrawn: ConsultationWithdrawn = {
  type: 'ConsultationWithdrawn',
  data: { consultationId, reason: 'The project was cancelled', by: kzFocalPoint, occurredAt: at(40) },
};

const HISTORY: Record<ConsultationStatus, ConsultationEvent[]> = {
  OPEN: [requested, responded()],
  CONCLUDED: [requested, responded(), concluded],
  WITHDRAWN: [requested, withdrawn],
};

const stateAfter = (events: readonly ConsultationEvent[]): TransboundaryConsultation => {
  const state = fold(consultationDecider, events);
  if (state.status === 'EMPTY') throw new Error('no consultation');
  return state;
};

describe('consultation decider', () => {
  describe('request', () => {
    it('records the consultation for the focal point’s country, seen by default by no other country', () => {
      spec.given([]).when(request()).then([requested]);
    });

    it('records a wider audience when one is given', () => {
      spec
        .given([])
        .when(request({ audience: { scope: 'SUBREGIONS', subregions: ['CENTRAL_ASIA'] } }))
        .then([
          {
            ...requested,
            data: { ...requested.data, audience: { scope: 'SUBREGIONS', subregions: ['CENTRAL_ASIA'], countries: [] } },
          },
        ]);
    });

    it('records its links, and refuses one that is not http or https', () => {
      const map = { url: 'https://example.org/hazard-map.pdf', title: 'Hazard map', kind: 'MAP' as const };
      spec
        .given([])
        .when(request({ links: [map] }))
        .then([{ ...requested, data: { ...requested.data, links: [map] } }]);
      spec
        .given([])
        .when(request({ links: [{ url: 'file:///etc/passwd', title: 'Passwords' }] }))
        .thenThrows(ValidationFailed, (error) =>
          expect(error.fields).toEqual({ 'links.0.url': ['must be an http or https URL'] }),
        );
    });

    it('consults any beneficiary, neighbour or not, up to 15 of them', () => {
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
      expect(
        consultationDecider.decide(request({ consultedCountries: allButKazakhstan }), { status: 'EMPTY' }),
      ).toEqual([{ ...requested, data: { ...requested.data, consultedCountries: allButKazakhstan } }]);
    });

    it.each([
      ['a participant who is not a focal point', participantOfCountry('KZ')],
      ['the secretariat', SECRETARIAT],
      ['an actor without a role', roleless('KZ')],
    ])('forbids %s', (_, actor) => {
      spec.given([]).when(request({ actor })).thenThrows(Forbidden);
    });

    it('rejects requesting twice under the same id', () => {
      spec.given([requested]).when(request()).thenThrows(InvalidState);
    });

    it.each([
      ['no consulted country', { consultedCountries: [] }, 'consultedCountries', 'must list from 1 to 15'],
      [
        'the originating country among the consulted',
        { consultedCountries: ['KG', 'KZ'] },
        'consultedCountries',
        'KZ is consulting and cannot be consulted',
      ],
      [
        'a country consulted twice',
        { consultedCountries: ['KG', 'KG'] },
        'consultedCountries',
        'lists KG more than once',
      ],
      ['a country that is no beneficiary', { consultedCountries: ['CN'] }, 'consultedCountries', 'unknown country CN'],
      ['a respondBy in the past', { respondBy: minutesAfterNow(-1) }, 'respondBy', 'must be in the future'],
      ['a respondBy of this very instant', { respondBy: NOW }, 'respondBy', 'must be in the future'],
      ['a respondBy that is no date', { respondBy: new Date(Number.NaN) }, 'respondBy', 'must be a date and time'],
      ['a short hazardous activity', { hazardousActivity: 'TM' }, 'hazardousActivity', 'must be at least 3 characters'],
      [
        'a hazardous activity over 500 characters',
        { hazardousActivity: 'x'.repeat(501) },
        'hazardousActivity',
        'must be at most 500 characters',
      ],
      ['a short location', { location: 'Ch' }, 'location', 'must be at least 3 characters'],
      ['a location over 500 characters', { location: 'x'.repeat(501) }, 'location', 'must be at most 500 characters'],
      ['an empty body', { body: '' }, 'body', 'must not be empty'],
      ['a body over 20,000 characters', { body: 'x'.repeat(20_001) }, 'body', 'must be at most 20000 characters'],
      ['a short title', { title: 'TC' }, 'title', 'must be at least 3 characters'],
      ['no topic', { topics: [] }, 'topics', 'must list from 1 to 5'],
      [
        'an audience of countries without a country',
        { audience: { scope: 'COUNTRIES', countries: [] } },
        'audience.countries',
        'must list from 1 to 16',
      ],
    ])('rejects %s', (_, overrides: Partial<Issued<RequestConsultation>>, field, message) => {
      spec
        .given([])
        .when(request(overrides))
        .thenThrows(ValidationFailed, (error) => expect(error.fields).toEqual({ [field]: [message] }));
    });

    it('accepts texts at their limits', () => {
      const limits = { hazardousActivity: 'x'.repeat(500), location: 'abc', body: 'x'.repeat(20_000) };
      expect(consultationDecider.decide(request(limits), { status: 'EMPTY' })).toEqual([
        { ...requested, data: { ...requested.data, ...limits } },
      ]);
    });
  });

  describe('respond', () => {
    it('records a consulted country’s position, with the originating country', () => {
      spec.given([requested]).when(respond(kgFocalPoint)).then([responded()]);
    });

    it('lets a country respond again, which revises its response', () => {
      spec
        .given([requested, responded()])
        .when(respond(focalPointOf('KG', 'another-kg'), 'NO_SIGNIFICANT_EFFECTS', 'The study reassured us.', 20))
        .then([responded(focalPointOf('KG', 'another-kg'), 'NO_SIGNIFICANT_EFFECTS', 'The study reassured us.', 20)]);
    });

    it('takes responses after respondBy: late is overdue, not refused', () => {
      spec
        .given([requested])
        .when(respond(uzFocalPoint, 'NEEDS_MORE_INFORMATION', 'Please share the study.', 8 * 24 * 60))
        .then([responded(uzFocalPoint, 'NEEDS_MORE_INFORMATION', 'Please share the study.', 8 * 24 * 60)]);
    });

    it.each([
      ['a participant of a consulted country who is not its focal point', participantOfCountry('KG')],
      ['a focal point of a country not consulted', focalPointOf('TJ')],
      ['a focal point of the originating country', kzFocalPoint],
      ['the secretariat', SECRETARIAT],
    ])('forbids %s', (_, actor) => {
      spec.given([requested]).when(respond(actor)).thenThrows(Forbidden);
    });

    it('answers NotFound for a consultation that does not exist', () => {
      spec.given([]).when(respond(kgFocalPoint)).thenThrows(NotFound);
    });

    it('requires a known position and a body of 1 to 5,000 characters', () => {
      spec
        .given([requested])
        .when(respond(kgFocalPoint, 'MAYBE' as ConsultationPosition, 'x'.repeat(5_001)))
        .thenThrows(ValidationFailed, (error) =>
          expect(error.fields).toEqual({
            position: ['must be one of NO_SIGNIFICANT_EFFECTS, POSSIBLE_EFFECTS, NEEDS_MORE_INFORMATION'],
            body: ['must be at most 5000 characters'],
          }),
        );
      spec
        .given([requested])
        .when(respond(kgFocalPoint, 'POSSIBLE_EFFECTS', ''))
        .thenThrows(ValidationFailed);
    });
  });

  describe('conclude', () => {
    it('records the conclusion', () => {
      spec.given(HISTORY.OPEN).when(conclude()).then([concluded]);
    });

    it('lets any focal point of the originating country conclude, responses or not', () => {
      spec
        .given([requested])
        .when(conclude(otherKzFocalPoint))
        .then([{ ...concluded, data: { ...concluded.data, by: otherKzFocalPoint } }]);
    });

    it.each([
      ['a participant of the originating country', participantOfCountry('KZ')],
      ['a focal point of a consulted country', kgFocalPoint],
      ['the secretariat', SECRETARIAT],
    ])('forbids %s', (_, actor) => {
      spec.given(HISTORY.OPEN).when(conclude(actor)).thenThrows(Forbidden);
    });

    it('requires a conclusion of 1 to 5,000 characters', () => {
      for (const conclusion of ['', 'x'.repeat(5_001)]) {
        spec
          .given(HISTORY.OPEN)
          .when(conclude(kzFocalPoint, conclusion))
          .thenThrows(ValidationFailed, (error) => expect(Object.keys(error.fields)).toEqual(['conclusion']));
      }
    });

    it('answers NotFound for a consultation that does not exist', () => {
      spec.given([]).when(conclude()).thenThrows(NotFound);
    });
  });

  describe('withdraw', () => {
    it('records the reason', () => {
      spec.given([requested]).when(withdraw()).then([withdrawn]);
    });

    it.each([
      ['a participant of the originating country', participantOfCountry('KZ')],
      ['a focal point of a consulted country', uzFocalPoint],
      ['the secretariat', SECRETARIAT],
    ])('forbids %s', (_, actor) => {
      spec.given(HISTORY.OPEN).when(withdraw(actor)).thenThrows(Forbidden);
    });

    it('requires a reason', () => {
      spec.given(HISTORY.OPEN).when(withdraw(kzFocalPoint, '')).thenThrows(ValidationFailed);
    });

    it('answers NotFound for a consultation that does not exist', () => {
      spec.given([]).when(withdraw()).thenThrows(NotFound);
    });
  });

  describe('the status machine', () => {
    const transitions: Array<[string, Issued<ConsultationCommand>]> = [
      ['respond', respond(uzFocalPoint)],
      ['conclude', conclude()],
      ['withdraw', withdraw()],
    ];
    const cases = transitions.flatMap(([name, command]) =>
      (Object.keys(HISTORY) as ConsultationStatus[]).map(
        (status) => [name, status, status === 'OPEN', command] as const,
      ),
    );

    it.each(cases)('%s from %s: allowed %s', (_, status, allowed, command) => {
      if (allowed) {
        expect(consultationDecider.decide(command, fold(consultationDecider, HISTORY[status]))).toHaveLength(1);
      } else {
        spec.given(HISTORY[status]).when(command).thenThrows(InvalidState);
      }
    });

    it('moves through the statuses of the contract', () => {
      for (const status of Object.keys(HISTORY) as ConsultationStatus[]) {
        expect(stateAfter(HISTORY[status]).status).toBe(status);
      }
    });
  });

  describe('evolve', () => {
    it('keeps one current response per country, with when it was first given and last revised', () => {
      const revisedByKg = responded(kgFocalPoint, 'NO_SIGNIFICANT_EFFECTS', 'Reassured.', 20);
      expect(
        stateAfter([
          requested,
          responded(),
          responded(uzFocalPoint, 'NEEDS_MORE_INFORMATION', 'Share it.', 10),
          revisedByKg,
          concluded,
        ]),
      ).toEqual({
        kind: 'CONSULTATION',
        status: 'CONCLUDED',
        id: consultationId,
        country: 'KZ',
        author: kzFocalPoint,
        audience: requested.data.audience,
        title: requested.data.title,
        hazardousActivity: requested.data.hazardousActivity,
        location: requested.data.location,
        body: requested.data.body,
        topics: requested.data.topics,
        consultedCountries: ['KG', 'UZ'],
        respondBy: RESPOND_BY.toISOString(),
        links: [],
        responses: [
          {
            country: 'KG',
            position: 'NO_SIGNIFICANT_EFFECTS',
            body: 'Reassured.',
            by: kgFocalPoint,
            respondedAt: at(5),
            revisedAt: at(20),
          },
          {
            country: 'UZ',
            position: 'NEEDS_MORE_INFORMATION',
            body: 'Share it.',
            by: uzFocalPoint,
            respondedAt: at(10),
            revisedAt: null,
          },
        ],
        conclusion: 'A joint monitoring station will be set up.',
        createdAt: NOW.toISOString(),
        updatedAt: at(30),
      });
    });

    it('ignores an event the state cannot take', () => {
      expect(fold(consultationDecider, [withdrawn])).toEqual({ status: 'EMPTY' });
    });
  });

  describe('awaiting and overdue', () => {
    const afterRespondBy = new Date(RESPOND_BY.getTime() + 1);

    it('awaits the consulted countries that have not responded, in the order they were consulted', () => {
      expect(awaitingCountries(stateAfter([requested]))).toEqual(['KG', 'UZ']);
      expect(awaitingCountries(stateAfter([requested, responded(uzFocalPoint)]))).toEqual(['KG']);
      expect(awaitingCountries(stateAfter([requested, responded(uzFocalPoint), responded()]))).toEqual([]);
    });

    it('is overdue once respondBy has passed with a country still awaited, while open', () => {
      const open = stateAfter([requested, responded()]);
      expect(isOverdue(open, NOW)).toBe(false);
      expect(isOverdue(open, RESPOND_BY)).toBe(false);
      expect(isOverdue(open, afterRespondBy)).toBe(true);
    });

    it('is never overdue once every country responded, or once concluded or withdrawn', () => {
      expect(isOverdue(stateAfter([requested, responded(), responded(uzFocalPoint)]), afterRespondBy)).toBe(false);
      expect(isOverdue(stateAfter(HISTORY.CONCLUDED), afterRespondBy)).toBe(false);
      expect(isOverdue(stateAfter(HISTORY.WITHDRAWN), afterRespondBy)).toBe(false);
    });
  });
});

import { fold } from '../shared/decider.types.js';
import { Forbidden, ValidationFailed } from '../shared/domain.errors.js';
import type { Issued } from '../shared/event.types.js';
import type { Participant } from '../shared/participant.types.js';
import { deciderSpec } from '../testing/decider.specification.js';
import {
  focalPointOf,
  minutesAfterNow,
  participantOfCountry,
  roleless,
  SECRETARIAT,
} from '../testing/domain.fixtures.js';
import type { UpdateCountryProfile } from './country-profile.commands.js';
import { countryProfileDecider, EMPTY_COUNTRY_PROFILE } from './country-profile.decider.js';
import type { CountryProfileFields, CountryProfileUpdated } from './country-profile.events.js';

const spec = deciderSpec(countryProfileDecider);
const kgFocalPoint = focalPointOf('KG');
const AUTHORITIES = ['Ministry of Emergency Situations', 'State Inspectorate for Environmental and Technical Safety'];

const update = (
  changes: Omit<UpdateCountryProfile, 'type' | 'country'> = {},
  actor: Participant = kgFocalPoint,
  country = 'KG',
  minutes = 0,
): Issued<UpdateCountryProfile> => ({
  type: 'UpdateCountryProfile',
  country,
  actor,
  now: minutesAfterNow(minutes),
  ...changes,
});

const updated = (
  changes: Partial<CountryProfileFields>,
  by: Participant = kgFocalPoint,
  minutes = 0,
): CountryProfileUpdated => ({
  type: 'CountryProfileUpdated',
  data: { country: 'KG', changes, by, occurredAt: minutesAfterNow(minutes).toISOString() },
});

const recorded = updated({
  competentAuthorities: AUTHORITIES,
  focalPoint: 'Ministry of Emergency Situations, Bishkek',
  selfAssessment: 'IN_PROGRESS',
});

describe('country profile decider', () => {
  it('starts empty: no authorities, no contacts, nothing started', () => {
    expect(fold(countryProfileDecider, [])).toEqual({
      competentAuthorities: [],
      focalPoint: null,
      ianPointOfContact: null,
      selfAssessment: 'NOT_STARTED',
      actionPlan: 'NOT_STARTED',
      updatedAt: null,
    });
  });

  it('records the fields a focal point of the country gives', () => {
    spec
      .given([])
      .when(
        update({
          competentAuthorities: AUTHORITIES,
          focalPoint: 'Ministry of Emergency Situations, Bishkek',
          selfAssessment: 'IN_PROGRESS',
        }),
      )
      .then([recorded]);
  });

  it('lets the secretariat update any country’s profile', () => {
    spec
      .given([])
      .when(update({ actionPlan: 'COMPLETED' }, SECRETARIAT))
      .then([updated({ actionPlan: 'COMPLETED' }, SECRETARIAT)]);
  });

  it('records only what changed, and nothing when nothing did', () => {
    spec
      .given([recorded])
      .when(
        update(
          { competentAuthorities: AUTHORITIES, selfAssessment: 'COMPLETED', focalPoint: undefined },
          kgFocalPoint,
          'KG',
          5,
        ),
      )
      .then([updated({ selfAssessment: 'COMPLETED' }, kgFocalPoint, 5)]);
    spec
      .given([recorded])
      .when(update({ competentAuthorities: AUTHORITIES, selfAssessment: 'IN_PROGRESS' }))
      .then([]);
    spec.given([]).when(update()).then([]);
  });

  it('clears a contact given as null, and empties the authorities given as an empty list', () => {
    spec
      .given([recorded])
      .when(update({ focalPoint: null, competentAuthorities: [] }, kgFocalPoint, 'KG', 5))
      .then([updated({ competentAuthorities: [], focalPoint: null }, kgFocalPoint, 5)]);
  });

  it('folds each update over the profile as it stood', () => {
    const later = updated(
      { ianPointOfContact: 'Crisis Management Centre, +996 312 000000', focalPoint: null },
      SECRETARIAT,
      9,
    );
    expect(fold(countryProfileDecider, [recorded, later])).toEqual({
      ...EMPTY_COUNTRY_PROFILE,
      competentAuthorities: AUTHORITIES,
      focalPoint: null,
      ianPointOfContact: 'Crisis Management Centre, +996 312 000000',
      selfAssessment: 'IN_PROGRESS',
      updatedAt: minutesAfterNow(9).toISOString(),
    });
  });

  it.each([
    ['a focal point of another country', focalPointOf('TJ')],
    ['a participant of the country who is not its focal point', participantOfCountry('KG')],
    ['an actor without a role', roleless('KG')],
  ])('forbids %s', (_, actor) => {
    spec
      .given([])
      .when(update({ actionPlan: 'IN_PROGRESS' }, actor))
      .thenThrows(Forbidden);
  });

  it('refuses a country that is no beneficiary, even to the secretariat', () => {
    spec
      .given([])
      .when(update({ actionPlan: 'IN_PROGRESS' }, SECRETARIAT, 'FR'))
      .thenThrows(ValidationFailed, (error) => expect(error.fields).toEqual({ country: ['unknown country FR'] }));
  });

  it.each([
    [
      'an empty authority name',
      { competentAuthorities: ['Ministry', ''] },
      { competentAuthorities: ['entry 2 must not be empty'] },
    ],
    [
      'an authority name over 200 characters',
      { competentAuthorities: ['x'.repeat(201)] },
      { competentAuthorities: ['entry 1 must be at most 200 characters'] },
    ],
    [
      '21 authorities',
      { competentAuthorities: Array.from({ length: 21 }, (_, index) => `Authority ${index + 1}`) },
      { competentAuthorities: ['must list from 0 to 20'] },
    ],
    [
      'an authority listed twice',
      { competentAuthorities: ['Ministry', 'Ministry'] },
      { competentAuthorities: ['lists Ministry more than once'] },
    ],
    ['an empty focal point', { focalPoint: '' }, { focalPoint: ['must not be empty'] }],
    [
      'an IAN point of contact over 500 characters',
      { ianPointOfContact: 'x'.repeat(501) },
      { ianPointOfContact: ['must be at most 500 characters'] },
    ],
    [
      'an unknown progress status',
      { selfAssessment: 'DONE', actionPlan: 'STARTED' },
      {
        selfAssessment: ['must be one of NOT_STARTED, IN_PROGRESS, COMPLETED'],
        actionPlan: ['must be one of NOT_STARTED, IN_PROGRESS, COMPLETED'],
      },
    ],
  ])('rejects %s', (_, changes, fields) => {
    spec
      .given([])
      .when(update(changes))
      .thenThrows(ValidationFailed, (error) => expect(error.fields).toEqual(fields));
  });

  it('accepts 20 authorities of 200 characters', () => {
    const authorities = Array.from({ length: 20 }, (_, index) => `${index}`.padEnd(200, 'x'));
    spec
      .given([])
      .when(update({ competentAuthorities: authorities }))
      .then([updated({ competentAuthorities: authorities })]);
  });
});

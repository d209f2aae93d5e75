import { fold } from '../shared/decider.types.js';
import { Forbidden, ValidationFailed } from '../shared/domain.errors.js';
import type { Issued } from '../shared/event.types.js';
import type { Participant } from '../shared/participant.types.js';
import { deciderSpec } from '../testing/decider.specification.js';
import { focalPointOf, minutesAfterNow, NOW, participantOfCountry, SECRETARIAT } from '../testing/domain.fixtures.js';
import type { MarkNotificationsRead, RecordParticipant, WatchItem } from './participant.commands.js';
import { participantDecider } from './participant.decider.js';
import type { ItemUnwatched, ItemWatched, NotificationsMarkedRead, ParticipantRecorded } from './participant.events.js';

const spec = deciderSpec(participantDecider);
const expert = participantOfCountry('KG', 'kg-expert');
const at = (minutes: number) => minutesAfterNow(minutes).toISOString();

const recordAs = (actor: Participant, minutes = 0): Issued<RecordParticipant> => ({
  type: 'RecordParticipant',
  participantId: 'kg-expert',
  actor,
  now: minutesAfterNow(minutes),
});

const recorded = (overrides: Partial<ParticipantRecorded['data']> = {}): ParticipantRecorded => ({
  type: 'ParticipantRecorded',
  data: {
    participantId: 'kg-expert',
    name: expert.name,
    country: 'KG',
    roles: ['PARTICIPANT'],
    occurredAt: NOW.toISOString(),
    ...overrides,
  },
});

const watch = (watching: boolean, overrides: Partial<Issued<WatchItem>> = {}): Issued<WatchItem> => ({
  type: 'WatchItem',
  participantId: 'kg-expert',
  itemId: 'q-1',
  itemKind: 'QUESTION',
  watching,
  actor: expert,
  now: minutesAfterNow(1),
  ...overrides,
});

const watched: ItemWatched = {
  type: 'ItemWatched',
  data: { participantId: 'kg-expert', itemId: 'q-1', itemKind: 'QUESTION', occurredAt: at(1) },
};

const unwatched: ItemUnwatched = {
  type: 'ItemUnwatched',
  data: { participantId: 'kg-expert', itemId: 'q-1', itemKind: 'QUESTION', occurredAt: at(2) },
};

const markRead = (upTo: string | null, actor: Participant = expert): Issued<MarkNotificationsRead> => ({
  type: 'MarkNotificationsRead',
  participantId: 'kg-expert',
  upTo,
  actor,
  now: minutesAfterNow(3),
});

const markedRead = (upTo: string | null): NotificationsMarkedRead => ({
  type: 'NotificationsMarkedRead',
  data: { participantId: 'kg-expert', upTo, occurredAt: at(3) },
});

describe('participant decider', () => {
  describe('record', () => {
    it('records the participant as their token says on their first request', () => {
      spec.given([]).when(recordAs(expert)).then([recorded()]);
    });

    it('records nothing when the token says the same again, whatever the order of its roles', () => {
      spec.given([recorded()]).when(recordAs(expert, 5)).then([]);
      const focalPoint = { ...focalPointOf('KG', 'kg-expert'), roles: ['FOCAL_POINT', 'PARTICIPANT'] as const };
      spec
        .given([recorded({ name: focalPoint.name, roles: ['PARTICIPANT', 'FOCAL_POINT'] })])
        .when(recordAs(focalPoint, 5))
        .then([]);
    });

    it.each([
      ['a new name', { ...expert, name: 'Aibek Dzhaparov' }, { name: 'Aibek Dzhaparov' }],
      [
        'a new role',
        { ...expert, roles: ['FOCAL_POINT', 'PARTICIPANT'] as const },
        { roles: ['PARTICIPANT', 'FOCAL_POINT'] as const },
      ],
      ['a new country', { ...expert, country: 'TJ' as const }, { country: 'TJ' as const }],
    ])('records again when the token says otherwise: %s', (_, actor, changes) => {
      spec
        .given([recorded()])
        .when(recordAs(actor, 5))
        .then([recorded({ ...changes, occurredAt: at(5) })]);
    });

    it('records the secretariat without a country', () => {
      spec
        .given([])
        .when({ ...recordAs(SECRETARIAT), participantId: SECRETARIAT.id })
        .then([
          recorded({ participantId: SECRETARIAT.id, name: SECRETARIAT.name, country: null, roles: ['SECRETARIAT'] }),
        ]);
    });

    it('records someone whose watches came first', () => {
      spec.given([watched]).when(recordAs(expert)).then([recorded()]);
    });

    it('forbids recording someone else', () => {
      spec
        .given([])
        .when(recordAs(participantOfCountry('KG', 'someone-else')))
        .thenThrows(Forbidden);
    });
  });

  describe('watch', () => {
    it('records a watch, and an unwatch of a watched item', () => {
      spec.given([recorded()]).when(watch(true)).then([watched]);
      spec
        .given([recorded(), watched])
        .when(watch(false, { now: minutesAfterNow(2) }))
        .then([unwatched]);
    });

    it('records nothing when the item is already in the state asked for', () => {
      spec.given([recorded(), watched]).when(watch(true)).then([]);
      spec.given([recorded()]).when(watch(false)).then([]);
      spec.given([recorded(), watched, unwatched]).when(watch(false)).then([]);
    });

    it('keeps each watched item once, in the order watching started', () => {
      const other: ItemWatched = {
        type: 'ItemWatched',
        data: { ...watched.data, itemId: 'p-1', itemKind: 'PRACTICE' },
      };
      expect(fold(participantDecider, [watched, other, watched, unwatched])).toEqual({
        status: 'ACTIVE',
        id: 'kg-expert',
        profile: null,
        watching: ['p-1'],
      });
    });

    it('forbids watching for someone else', () => {
      spec
        .given([])
        .when(watch(true, { actor: participantOfCountry('KG', 'someone-else') }))
        .thenThrows(Forbidden);
    });
  });

  describe('mark notifications read', () => {
    it('records a mark up to a notification, or over every notification so far', () => {
      spec
        .given([recorded()])
        .when(markRead('4c7f1a52-5d4e-4c1b-9d3e-6b1f2a7c9e10'))
        .then([markedRead('4c7f1a52-5d4e-4c1b-9d3e-6b1f2a7c9e10')]);
      spec
        .given([])
        .when(markRead(null))
        .then([markedRead(null)]);
    });

    it('rejects an event id that is no id', () => {
      spec
        .given([])
        .when(markRead('x'.repeat(101)))
        .thenThrows(ValidationFailed, (error) => expect(Object.keys(error.fields)).toEqual(['upTo']));
    });

    it('forbids marking for someone else', () => {
      spec.given([]).when(markRead(null, SECRETARIAT)).thenThrows(Forbidden);
    });
  });
});

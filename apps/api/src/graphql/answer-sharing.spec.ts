import { focalPointOf, participantOfCountry, SECRETARIAT } from '@coop/domain/testing/domain.fixtures.js';
import { parse } from 'graphql';
import { dependenciesOf, sharingKeyOf } from './answer-sharing.js';

describe('dependenciesOf', () => {
  it('finds a dependent field at any depth, in inline fragments and named ones', () => {
    const clock = parse('{ feed { edges { node { item { ... on TransboundaryConsultation { overdue } } } } } }');
    expect([...dependenciesOf(clock)]).toEqual(['clock']);
    const viewer = parse('query { item(id: "x") { ...Mine } } fragment Mine on CooperationItem { watching }');
    expect([...dependenciesOf(viewer)]).toEqual(['viewer']);
    const both = parse('{ itemAsOf(id: "x", at: "2026-01-01T00:00:00Z") { id } notifications { unreadCount } }');
    expect(new Set(dependenciesOf(both))).toEqual(new Set(['store', 'viewer']));
  });

  it('finds none where only visible data is selected, whatever the aliases', () => {
    expect(dependenciesOf(parse('{ watching: feed { edges { cursor } } }')).size).toBe(0);
  });
});

describe('sharingKeyOf', () => {
  it('shares by visibility grants unless the answer depends on who asks', () => {
    const one = participantOfCountry('KZ', 'kz-one');
    expect(sharingKeyOf(one, false)).toBe(sharingKeyOf(focalPointOf('KZ'), false));
    expect(sharingKeyOf(one, false)).not.toBe(sharingKeyOf(participantOfCountry('UA'), false));
    expect(sharingKeyOf(SECRETARIAT, false)).not.toBe(sharingKeyOf(one, false));
    expect(sharingKeyOf(null, false)).not.toBe(sharingKeyOf({ ...one, country: null, roles: [] }, false));
    expect(sharingKeyOf(one, true)).not.toBe(sharingKeyOf(participantOfCountry('KZ', 'kz-two'), true));
    expect(sharingKeyOf(one, true)).not.toBe(sharingKeyOf(focalPointOf('KZ', 'kz-one'), true));
    expect(sharingKeyOf(one, true)).toBe(sharingKeyOf({ ...one, roles: [...one.roles].reverse() }, true));
  });
});

import { practiceDecider } from '../practice/practice.decider.js';
import { proposalDecider } from '../proposal/proposal.decider.js';
import { fold } from '../shared/decider.types.js';
import { focalPointOf, minutesAfterNow, participantOfCountry } from '../testing/domain.fixtures.js';
import { canSee, subregionsOf } from '../visibility/visibility.js';
import { foldItem } from './item-fold.js';
import { visibilityOf } from './item-visibility.js';

const kzFocalPoint = focalPointOf('KZ');

const shared = practiceDecider.decide(
  {
    type: 'SharePractice',
    practiceId: 'p-1',
    title: 'Practice',
    summary: 'Summary',
    body: 'Body',
    topics: ['PREVENTION'],
    audience: { scope: 'COUNTRIES', countries: ['UA'] },
    actor: participantOfCountry('KZ'),
    now: minutesAfterNow(0),
  },
  practiceDecider.initialState(),
);

const proposed = proposalDecider.decide(
  {
    type: 'ProposeJointProject',
    proposalId: 'jp-1',
    title: 'Project',
    objectives: 'Objectives',
    topics: ['TRAINING'],
    durationMonths: 12,
    partnerCountries: ['KG', 'TJ'],
    audience: { scope: 'COUNTRIES', countries: ['UZ'] },
    actor: kzFocalPoint,
    now: minutesAfterNow(1),
  },
  proposalDecider.initialState(),
);

const afterInvitation = (() => {
  const declined = proposalDecider.decide(
    {
      type: 'RespondToInvitation',
      proposalId: 'jp-1',
      accept: false,
      actor: focalPointOf('TJ'),
      now: minutesAfterNow(2),
    },
    fold(proposalDecider, proposed),
  );
  const history = [...proposed, ...declined];
  const invited = proposalDecider.decide(
    { type: 'InvitePartner', proposalId: 'jp-1', country: 'MD', actor: kzFocalPoint, now: minutesAfterNow(3) },
    fold(proposalDecider, history),
  );
  return [...history, ...invited];
})();

describe('visibility of an item', () => {
  it("is the item's country and audience", () => {
    expect(visibilityOf(foldItem(shared)!)).toEqual({
      country: 'KZ',
      audience: { scope: 'COUNTRIES', subregions: [], countries: ['UA'] },
      partnerCountries: [],
    });
  });

  it('adds every country invited to a proposal, at its creation or later, and keeps one that declined', () => {
    expect(visibilityOf(foldItem(proposed)!).partnerCountries).toEqual(['KG', 'TJ']);
    const now = visibilityOf(foldItem(afterInvitation)!);
    expect(now.partnerCountries).toEqual(['KG', 'TJ', 'MD']);
    expect(canSee(focalPointOf('MD'), now)).toBe(true);
    expect(canSee(focalPointOf('TJ'), now)).toBe(true);
    expect(canSee(participantOfCountry('UA'), now)).toBe(false);
    expect(subregionsOf(now)).toEqual(['EASTERN_EUROPE', 'CENTRAL_ASIA']);
  });
});

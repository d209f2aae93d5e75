import * as domain from '@coop/domain';

describe('@coop/domain', () => {
  it('exposes the deciders, the rules and the helpers other packages use', () => {
    for (const name of [
      'practiceDecider',
      'questionDecider',
      'proposalDecider',
      'discussionDecider',
      'consultationDecider',
      'countryProfileDecider',
      'participantDecider',
      'awaitingCountries',
      'isOverdue',
      'canSee',
      'subregionsOf',
      'activityOf',
      'itemOf',
      'itemStreamId',
      'discussionStreamId',
      'countryStreamId',
      'participantStreamId',
      'parseStreamId',
      'STREAM_PREFIXES',
      'EVENT_SCHEMA_VERSIONS',
      'INPUT_LIMITS',
      'COUNTRY_INFO',
      'NotFound',
      'Forbidden',
      'InvalidState',
      'ValidationFailed',
    ]) {
      expect(domain).toHaveProperty(name);
    }
  });

  it('keeps internals private', () => {
    expect(domain).not.toHaveProperty('requireExisting');
  });
});

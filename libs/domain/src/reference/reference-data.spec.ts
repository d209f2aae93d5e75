import {
  COUNTRY_CODES,
  COUNTRY_INFO,
  countriesIn,
  countryInfo,
  isCountryCode,
  isSubregion,
  isTopic,
  SUBREGION_INFO,
  subregionOfCountry,
  TOPIC_INFO,
  TOPICS,
} from './reference-data.js';

describe('reference data', () => {
  it('has the 16 beneficiary countries in 4 subregions', () => {
    expect(COUNTRY_INFO).toHaveLength(16);
    expect(SUBREGION_INFO.map((subregion) => subregion.id)).toEqual([
      'SOUTH_EASTERN_EUROPE',
      'EASTERN_EUROPE',
      'CAUCASUS',
      'CENTRAL_ASIA',
    ]);
    expect(countriesIn('SOUTH_EASTERN_EUROPE')).toEqual(['AL', 'BA', 'ME', 'MK', 'RS']);
    expect(countriesIn('EASTERN_EUROPE')).toEqual(['BY', 'MD', 'UA']);
    expect(countriesIn('CAUCASUS')).toEqual(['AM', 'AZ', 'GE']);
    expect(countriesIn('CENTRAL_ASIA')).toEqual(['KZ', 'KG', 'TJ', 'TM', 'UZ']);
  });

  it('names countries and their subregions', () => {
    expect(countryInfo('MK')).toEqual({ code: 'MK', name: 'North Macedonia', subregion: 'SOUTH_EASTERN_EUROPE' });
    expect(subregionOfCountry('GE')).toBe('CAUCASUS');
  });

  it('has every topic of the contract with its name', () => {
    expect(TOPIC_INFO.map((topic) => topic.id)).toEqual([...TOPICS]);
    expect(TOPIC_INFO.find((topic) => topic.id === 'NATECH')?.name).toBe(
      'Natural-hazard-triggered technological accidents',
    );
  });

  it('rejects codes it does not know', () => {
    expect(COUNTRY_CODES.every(isCountryCode)).toBe(true);
    expect(['FR', 'kz', '', 'KAZ', null, 7].some(isCountryCode)).toBe(false);
    expect(isSubregion('WESTERN_EUROPE')).toBe(false);
    expect(isTopic('ASTROLOGY')).toBe(false);
    expect(isTopic('SEVESO_III')).toBe(true);
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(COUNTRY_INFO)).toBe(true);
    expect(Object.isFrozen(countryInfo('KZ'))).toBe(true);
  });
});

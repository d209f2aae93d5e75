import {
  COUNTRY_CODES,
  COUNTRY_INFO,
  countriesIn,
  countryInfo,
  isCountryCode,
  isSubregion,
  isTopic,
  readCountryRecords,
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
    expect(countryInfo('MK')).toEqual({
      code: 'MK',
      name: 'North Macedonia',
      subregion: 'SOUTH_EASTERN_EUROPE',
      party: true,
      neighbours: ['AL', 'RS'],
    });
    expect(subregionOfCountry('GE')).toBe('CAUCASUS');
  });

  it('knows which countries are parties and which beneficiaries border each other, in reference order', () => {
    expect(countryInfo('KG').party).toBe(false);
    expect(countryInfo('UZ').neighbours).toEqual(['KZ', 'KG', 'TJ', 'TM']);
    expect(countryInfo('BY').neighbours).toEqual(['UA']);
    for (const { code, neighbours } of COUNTRY_INFO) {
      for (const neighbour of neighbours) expect(countryInfo(neighbour).neighbours).toContain(code);
    }
  });

  describe('the countries loader', () => {
    const records = () => COUNTRY_INFO.map((country) => ({ ...country, neighbours: [...country.neighbours] }));
    const withNeighbours = (code: string, neighbours: string[]) =>
      records().map((country) => (country.code === code ? { ...country, neighbours } : country));

    it('reads the reference file as it is', () => {
      expect(readCountryRecords(records())).toEqual(COUNTRY_INFO);
    });

    it.each([
      ['a one-sided border', withNeighbours('AL', ['ME', 'MK', 'RS']), 'AL borders RS, but RS does not list AL'],
      ['a neighbour that is no beneficiary', withNeighbours('AL', ['ME', 'MK', 'GR']), 'GR is not a value'],
      ['a country bordering itself', withNeighbours('AL', ['AL', 'ME', 'MK']), 'AL is its own neighbour'],
      ['a neighbour listed twice', withNeighbours('AL', ['ME', 'MK', 'ME']), 'lists ME as a neighbour more than once'],
      ['a country missing', records().slice(1), 'AL appears 0 times'],
    ])('refuses %s', (_, countries, message) => {
      expect(() => readCountryRecords(countries)).toThrow(message);
    });
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

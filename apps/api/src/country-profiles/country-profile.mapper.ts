import type { CountryProfileView } from '@coop/read-model';
import type { CountryProfile } from './country-profile.types.js';

export function countryProfileModel({ country, version, profile }: CountryProfileView): CountryProfile {
  return {
    country,
    competentAuthorities: [...profile.competentAuthorities],
    focalPoint: profile.focalPoint,
    ianPointOfContact: profile.ianPointOfContact,
    selfAssessment: profile.selfAssessment,
    actionPlan: profile.actionPlan,
    version,
    updatedAt: profile.updatedAt,
  };
}

/**
 * Sets the fields it gives and leaves the others as they are; null clears a
 * text. The stream version the updater saw travels beside the command, as for
 * every pinned command.
 */
export interface UpdateCountryProfile {
  readonly type: 'UpdateCountryProfile';
  readonly country: string;
  /** Replaces the list when given. */
  readonly competentAuthorities?: readonly string[] | null;
  readonly focalPoint?: string | null;
  readonly ianPointOfContact?: string | null;
  readonly selfAssessment?: string | null;
  readonly actionPlan?: string | null;
}

export type CountryProfileCommand = UpdateCountryProfile;

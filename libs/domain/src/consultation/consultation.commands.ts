import type { AudienceInput } from '../shared/item.types.js';
import type { LinkInput } from '../shared/link.types.js';

export interface RequestConsultation {
  readonly type: 'RequestConsultation';
  readonly consultationId: string;
  readonly title: string;
  readonly hazardousActivity: string;
  readonly location: string;
  readonly body: string;
  readonly topics: readonly string[];
  readonly consultedCountries: readonly string[];
  readonly respondBy: Date;
  /** COUNTRIES with no other country when absent. Consulted countries see it whatever the audience. */
  readonly audience?: AudienceInput | null;
  readonly links?: readonly LinkInput[] | null;
}

export interface RespondToConsultation {
  readonly type: 'RespondToConsultation';
  readonly consultationId: string;
  readonly position: string;
  readonly body: string;
}

export interface ConcludeConsultation {
  readonly type: 'ConcludeConsultation';
  readonly consultationId: string;
  readonly conclusion: string;
}

export interface WithdrawConsultation {
  readonly type: 'WithdrawConsultation';
  readonly consultationId: string;
  readonly reason: string;
}

export type ConsultationCommand =
  RequestConsultation | RespondToConsultation | ConcludeConsultation | WithdrawConsultation;

import type { AudienceInput } from '../shared/item.types.js';

export interface ProposeJointProject {
  readonly type: 'ProposeJointProject';
  readonly proposalId: string;
  readonly title: string;
  readonly objectives: string;
  readonly topics: readonly string[];
  readonly durationMonths: number;
  readonly partnerCountries: readonly string[];
  /** NETWORK when absent. Partner countries see the proposal whatever the audience. */
  readonly audience?: AudienceInput | null;
}

export interface RespondToInvitation {
  readonly type: 'RespondToInvitation';
  readonly proposalId: string;
  readonly accept: boolean;
  readonly note?: string | null;
}

export interface SubmitProposal {
  readonly type: 'SubmitProposal';
  readonly proposalId: string;
}

export interface ReviewProposal {
  readonly type: 'ReviewProposal';
  readonly proposalId: string;
  readonly decision: string;
  readonly note: string;
}

export interface WithdrawProposal {
  readonly type: 'WithdrawProposal';
  readonly proposalId: string;
  readonly reason: string;
}

export type ProposalCommand =
  ProposeJointProject | RespondToInvitation | SubmitProposal | ReviewProposal | WithdrawProposal;

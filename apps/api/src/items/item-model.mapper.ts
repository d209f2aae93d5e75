import {
  type Audience as DomainAudience,
  type JointProjectProposal as ProposalState,
  type Practice as PracticeState,
  type Question as QuestionState,
  countryInfo,
} from '@coop/domain';
import type { ItemView } from '@coop/read-model';
import { JointProjectProposal } from '../proposals/proposal.types.js';
import { Practice } from '../practices/practice.types.js';
import { type Answer, Question } from '../questions/question.types.js';
import { participantModel } from '../reference/reference.types.js';
import type { Audience, CooperationItem } from './cooperation-item.types.js';

export type ItemModel = Practice | Question | JointProjectProposal;

function audienceModel(audience: DomainAudience): Audience {
  return {
    scope: audience.scope,
    subregions: [...audience.subregions],
    countries: audience.countries.map(countryInfo),
  };
}

type CommonState = PracticeState | QuestionState | ProposalState;

function common(view: ItemView, state: CommonState): CooperationItem {
  return {
    id: view.id,
    kind: view.kind,
    title: state.title,
    topics: [...state.topics],
    country: countryInfo(state.country),
    author: participantModel(state.author),
    audience: audienceModel(state.audience),
    subregions: [...view.subregions],
    createdAt: state.createdAt,
    updatedAt: state.updatedAt,
    version: view.version,
  };
}

export function answerModels(question: QuestionState): Answer[] {
  return question.answers.map((answer) => ({
    id: answer.id,
    questionId: question.id,
    body: answer.body,
    author: participantModel(answer.author),
    country: answer.author.country ? countryInfo(answer.author.country) : null,
    answeredAt: answer.answeredAt,
    accepted: answer.id === question.acceptedAnswerId,
  }));
}

/** The read model's item (the decider's folded state) as the API shows it. */
export function itemModel(view: ItemView): ItemModel {
  switch (view.kind) {
    case 'PRACTICE': {
      const state = view.state as PracticeState;
      return Object.assign(new Practice(), common(view, state), {
        summary: state.summary,
        body: state.body,
        status: state.status,
        adoptions: state.adoptions.map((adoption) => ({
          country: countryInfo(adoption.country),
          by: participantModel(adoption.by),
          note: adoption.note,
          adoptedAt: adoption.adoptedAt,
        })),
      });
    }
    case 'QUESTION': {
      const state = view.state as QuestionState;
      const answers = answerModels(state);
      return Object.assign(new Question(), common(view, state), {
        body: state.body,
        status: state.status,
        answers,
        acceptedAnswer: answers.find((answer) => answer.accepted) ?? null,
      });
    }
    case 'PROPOSAL': {
      const state = view.state as ProposalState;
      return Object.assign(new JointProjectProposal(), common(view, state), {
        objectives: state.objectives,
        durationMonths: state.durationMonths,
        leadCountry: countryInfo(state.country),
        status: state.status,
        partners: state.partners.map((partner) => ({
          country: countryInfo(partner.country),
          status: partner.status,
          note: partner.note,
          respondedAt: partner.respondedAt,
        })),
        reviews: state.reviews.map((review) => ({
          decision: review.decision,
          note: review.note,
          reviewer: participantModel(review.reviewer),
          reviewedAt: review.reviewedAt,
        })),
      });
    }
  }
}

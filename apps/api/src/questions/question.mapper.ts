import { type Answer as DomainAnswer, countryInfo, type ItemStates } from '@coop/domain';
import type { ItemViewOf } from '@coop/read-model';
import { cooperationItemFields } from '../items/cooperation-item.mapper.js';
import { participantModel } from '../reference/reference.types.js';
import { type Answer, Question } from './question.types.js';

/** One answer of `question`, as the question's answers and a feed entry both show it. */
export function answerModel(question: ItemStates['QUESTION'], answer: DomainAnswer): Answer {
  return {
    id: answer.id,
    questionId: question.id,
    body: answer.body,
    author: participantModel(answer.author),
    country: answer.author.country ? countryInfo(answer.author.country) : null,
    answeredAt: answer.answeredAt,
    editedAt: answer.editedAt,
    accepted: answer.id === question.acceptedAnswerId,
  };
}

export function questionModel(view: ItemViewOf<'QUESTION'>): Question {
  const answers = view.state.answers.map((answer) => answerModel(view.state, answer));
  return Object.assign(new Question(), cooperationItemFields(view), {
    body: view.state.body,
    status: view.state.status,
    answers,
    acceptedAnswer: answers.find((answer) => answer.accepted) ?? null,
  });
}

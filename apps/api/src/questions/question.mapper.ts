import { countryInfo, type ItemStates } from '@coop/domain';
import type { ItemViewOf } from '@coop/read-model';
import { cooperationItemFields } from '../items/cooperation-item.mapper.js';
import { participantModel } from '../reference/reference.types.js';
import { type Answer, Question } from './question.types.js';

export function answerModels(question: ItemStates['QUESTION']): Answer[] {
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

export function questionModel(view: ItemViewOf<'QUESTION'>): Question {
  const answers = answerModels(view.state);
  return Object.assign(new Question(), cooperationItemFields(view), {
    body: view.state.body,
    status: view.state.status,
    answers,
    acceptedAnswer: answers.find((answer) => answer.accepted) ?? null,
  });
}

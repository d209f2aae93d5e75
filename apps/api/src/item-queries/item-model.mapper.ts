import type { ItemKind } from '@coop/domain';
import type { ItemView, ItemViewOf } from '@coop/read-model';
import { consultationModel } from '../consultations/consultation.mapper.js';
import type { TransboundaryConsultation } from '../consultations/consultation.types.js';
import { practiceModel } from '../practices/practice.mapper.js';
import type { Practice } from '../practices/practice.types.js';
import { proposalModel } from '../proposals/proposal.mapper.js';
import type { JointProjectProposal } from '../proposals/proposal.types.js';
import { questionModel } from '../questions/question.mapper.js';
import type { Question } from '../questions/question.types.js';

export type ItemModel = Practice | Question | JointProjectProposal | TransboundaryConsultation;

const MODEL_OF_KIND: { readonly [Kind in ItemKind]: (view: ItemViewOf<Kind>) => ItemModel } = {
  PRACTICE: practiceModel,
  QUESTION: questionModel,
  PROPOSAL: proposalModel,
  CONSULTATION: consultationModel,
};

const modelOf = <Kind extends ItemKind>(kind: Kind, view: ItemViewOf<Kind>): ItemModel => MODEL_OF_KIND[kind](view);

/** An item of any kind as the API shows it. */
export const itemModel = (view: ItemView): ItemModel => modelOf(view.kind, view);

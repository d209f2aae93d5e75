import { InputType } from '@nestjs/graphql';
import { NewItemInput } from '../items/new-item.input.js';

@InputType()
export class AskQuestionInput extends NewItemInput {}

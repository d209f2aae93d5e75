import { canSee, InputValidator, type Participant } from '@coop/domain';
import type { ItemView, ReadModel } from '@coop/read-model';

/**
 * The participants a comment on `item` mentions, as the directory records
 * them: each id must be a known participant who may see the item, or the
 * input is refused (BAD_USER_INPUT on `mentions`). How many, and each once,
 * is the discussion decider's rule.
 */
export function mentionedParticipants(readModel: ReadModel, item: ItemView, ids: readonly string[]): Participant[] {
  const known = readModel.participantsById(ids);
  const input = new InputValidator();
  const mentioned = ids.flatMap((id) => {
    const participant = known.get(id);
    if (participant === undefined) input.reject('mentions', `${id} is not a known participant`);
    else if (!canSee(participant, item.visibility)) input.reject('mentions', `${id} may not see this item`);
    else return [participant];
    return [];
  });
  input.throwIfInvalid();
  return mentioned;
}

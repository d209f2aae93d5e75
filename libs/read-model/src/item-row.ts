import type { ItemKind, Subregion, VisibilityItem } from '@coop/domain';
import { parseItemState } from './item-kinds.js';
import type { ItemView } from './read-model.types.js';
import { itemView } from './read-model.views.js';

/** The items columns every item view is made of; `i` is the items alias. */
export const ITEM_COLUMNS = 'i.kind AS item_kind, i.version, i.state, i.visibility, i.subregions';

export interface ItemColumns {
  item_kind: ItemKind;
  version: number;
  state: string;
  visibility: string;
  subregions: string;
}

export const itemViewOfRow = (row: ItemColumns): ItemView =>
  itemView(
    row.version,
    parseItemState(row.state),
    JSON.parse(row.visibility) as VisibilityItem,
    JSON.parse(row.subregions) as Subregion[],
  );

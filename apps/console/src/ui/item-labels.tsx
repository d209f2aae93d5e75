import type { ItemSummary } from '../api/types';
import { useTranslation } from '../i18n/i18n';

/** Kind, originating country and topics of an item, as small labels. */
export function ItemLabels({ item }: { item: ItemSummary }) {
  const { label, countryName } = useTranslation();
  return (
    <ul class="labels">
      <li class={`label label-kind label-${item.kind.toLowerCase()}`}>{label('ItemKind', item.kind)}</li>
      <li class="label">{countryName(item.country.code)}</li>
      {item.topics.map((topic) => (
        <li key={topic} class="label label-topic">
          {label('Topic', topic)}
        </li>
      ))}
    </ul>
  );
}

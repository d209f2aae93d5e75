import { TOPICS, type Topic } from '../api/enums';
import type { ApiError } from '../api/graphql-client';
import { useTranslation } from '../i18n/i18n';
import { FieldError } from '../ui/error-message';

const toggled = <Value,>(values: readonly Value[], value: Value, on: boolean): Value[] =>
  on ? [...values, value] : values.filter((other) => other !== value);

/** The item's topics, one to five of the Convention's working areas. */
export function TopicsField(props: {
  id: string;
  topics: readonly Topic[];
  onChange: (topics: Topic[]) => void;
  error: ApiError | null;
}) {
  const { t, label } = useTranslation();
  return (
    <fieldset class="field choices" aria-describedby={`${props.id}-hint`}>
      <legend>{t('forms.topics')}</legend>
      <p class="hint" id={`${props.id}-hint`}>
        {t('forms.topicsHint')}
      </p>
      <div class="choice-grid">
        {TOPICS.map((topic) => (
          <label key={topic} class="check">
            <input
              type="checkbox"
              name={`${props.id}-topic`}
              value={topic}
              checked={props.topics.includes(topic)}
              onChange={(event) => props.onChange(toggled(props.topics, topic, event.currentTarget.checked))}
            />
            {label('Topic', topic)}
          </label>
        ))}
      </div>
      <FieldError error={props.error} field="topics" id={`${props.id}-error`} />
    </fieldset>
  );
}

export interface CountryGroup {
  /** The group's heading, already in words. */
  readonly label: string;
  readonly codes: readonly string[];
}

/** Countries to choose, in groups (the viewer's neighbours first, then each subregion). */
export function CountriesField(props: {
  id: string;
  legend: string;
  hint?: string;
  groups: readonly CountryGroup[];
  selected: readonly string[];
  onChange: (codes: string[]) => void;
  field: string;
  error: ApiError | null;
}) {
  const { countryName } = useTranslation();
  return (
    <fieldset class="field choices" aria-describedby={props.hint ? `${props.id}-hint` : undefined}>
      <legend>{props.legend}</legend>
      {props.hint ? (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.groups
        .filter((group) => group.codes.length > 0)
        .map((group) => (
          <div key={group.label} class="choice-group" role="group" aria-label={group.label}>
            <p class="choice-group-label" aria-hidden="true">
              {group.label}
            </p>
            <div class="choice-grid">
              {group.codes.map((code) => (
                <label key={code} class="check">
                  <input
                    type="checkbox"
                    name={`${props.id}-country`}
                    value={code}
                    checked={props.selected.includes(code)}
                    onChange={(event) => props.onChange(toggled(props.selected, code, event.currentTarget.checked))}
                  />
                  {countryName(code)}
                </label>
              ))}
            </div>
          </div>
        ))}
      <FieldError error={props.error} field={props.field} id={`${props.id}-error`} />
    </fieldset>
  );
}

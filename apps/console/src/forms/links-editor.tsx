import { useLayoutEffect, useRef } from 'preact/hooks';
import { LINK_KINDS, type LinkKind } from '../api/enums';
import type { ApiError } from '../api/graphql-client';
import type { Link } from '../api/types';
import { useTranslation } from '../i18n/i18n';
import { FieldError } from '../ui/error-message';
import { controlProps } from './form-field';

/** The API takes at most this many links on an item or an activity. */
const MAX_LINKS = 10;

export type LinkDraft = { url: string; title: string; kind: LinkKind };

export const NO_LINKS: readonly LinkDraft[] = [];

export function draftsOf(links: readonly Link[]): LinkDraft[] {
  return links.map(({ url, title, kind }) => ({ url, title, kind }));
}

/** The links as the API takes them: rows left entirely empty are dropped. */
export function linkInputs(drafts: readonly LinkDraft[]): LinkDraft[] {
  return drafts
    .map((draft) => ({ ...draft, url: draft.url.trim(), title: draft.title.trim() }))
    .filter((draft) => draft.url !== '' || draft.title !== '');
}

interface LinksEditorProps {
  /** Unique on the page: names the editor's controls. */
  readonly id: string;
  readonly links: readonly LinkDraft[];
  readonly onChange: (links: LinkDraft[]) => void;
  readonly error: ApiError | null;
}

/** Links to documents kept elsewhere: address, title and kind of each, added and removed row by row. */
export function LinksEditor({ id, links, onChange, error }: LinksEditorProps) {
  const { t, label } = useTranslation();
  // A row just added takes the keyboard, so its address is typed next.
  const added = useRef(false);
  const lastUrl = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => {
    if (!added.current) return;
    added.current = false;
    lastUrl.current?.focus();
  }, [links.length]);
  const change = (index: number, changes: Partial<LinkDraft>) =>
    onChange(links.map((link, at) => (at === index ? { ...link, ...changes } : link)));
  return (
    <fieldset class="field links-editor">
      <legend>{t('links.legend')}</legend>
      <FieldError error={error} field="links" id={`${id}-links-error`} />
      {links.map((link, index) => {
        const row = `${id}-link-${index}`;
        const position = { number: index + 1 };
        return (
          <div class="link-row" key={index} role="group" aria-label={t('links.row', position)}>
            <div class="field">
              <label for={`${row}-url`}>{t('links.url', position)}</label>
              <input
                ref={index === links.length - 1 ? lastUrl : undefined}
                type="url"
                inputMode="url"
                value={link.url}
                onInput={(event) => change(index, { url: event.currentTarget.value })}
                {...controlProps(`${row}-url`, error, `links.${index}.url`)}
              />
              <FieldError error={error} field={`links.${index}.url`} id={`${row}-url-error`} />
            </div>
            <div class="field">
              <label for={`${row}-title`}>{t('links.title', position)}</label>
              <input
                type="text"
                value={link.title}
                onInput={(event) => change(index, { title: event.currentTarget.value })}
                {...controlProps(`${row}-title`, error, `links.${index}.title`)}
              />
              <FieldError error={error} field={`links.${index}.title`} id={`${row}-title-error`} />
            </div>
            <div class="field">
              <label for={`${row}-kind`}>{t('links.kind', position)}</label>
              <select
                id={`${row}-kind`}
                value={link.kind}
                onChange={(event) => change(index, { kind: event.currentTarget.value as LinkKind })}
              >
                {LINK_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {label('LinkKind', kind)}
                  </option>
                ))}
              </select>
            </div>
            <button type="button" class="secondary" onClick={() => onChange(links.filter((_, at) => at !== index))}>
              {t('links.remove', position)}
            </button>
          </div>
        );
      })}
      {links.length < MAX_LINKS ? (
        <button
          type="button"
          class="secondary"
          onClick={() => {
            added.current = true;
            onChange([...links, { url: '', title: '', kind: 'OTHER' }]);
          }}
        >
          {t('links.add')}
        </button>
      ) : (
        <p class="hint">{t('links.full', { max: MAX_LINKS })}</p>
      )}
    </fieldset>
  );
}

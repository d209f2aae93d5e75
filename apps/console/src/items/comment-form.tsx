import { useEffect, useRef, useState } from 'preact/hooks';
import { PARTICIPANTS } from '../api/documents';
import type { ApiError } from '../api/graphql-client';
import type { ParticipantRef } from '../api/types';
import { useTranslation } from '../i18n/i18n';
import { useSession } from '../session/session';
import { ErrorMessage } from '../ui/error-message';
import { ParticipantName } from '../ui/participant-name';
import { TextForm } from '../ui/text-form';

const MENTION_CHOICES = 8;

/** Participants of the directory whose names match what is typed; picking one mentions them. */
function MentionPicker({ id, onPick }: { id: string; onPick: (participant: ParticipantRef) => void }) {
  const { t } = useTranslation();
  const { viewer, request } = useSession();
  const [text, setText] = useState('');
  const [found, setFound] = useState<readonly ParticipantRef[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const latest = useRef(0);
  useEffect(() => {
    const attempt = ++latest.current;
    if (text.trim() === '') {
      setFound([]);
      return;
    }
    request<{ participants: ParticipantRef[] }>(PARTICIPANTS, { text: text.trim(), first: MENTION_CHOICES }).then(
      ({ participants }) => {
        // Only the answer to what is typed now.
        if (attempt !== latest.current) return;
        setError(null);
        setFound(participants.filter((participant) => participant.id !== viewer.id));
      },
      (caught: ApiError) => attempt === latest.current && setError(caught),
    );
  }, [text, request, viewer.id]);
  const inputId = `${id}-search`;
  return (
    <div class="mention-picker">
      <label for={inputId}>{t('mentions.label')}</label>
      <input
        id={inputId}
        type="search"
        autocomplete="off"
        value={text}
        aria-describedby={`${id}-hint`}
        onInput={(event) => setText(event.currentTarget.value)}
      />
      <p class="hint" id={`${id}-hint`}>
        {t('mentions.hint')}
      </p>
      {found.length > 0 ? (
        <ul class="mention-choices" aria-label={t('mentions.choices')}>
          {found.map((participant) => (
            <li key={participant.id}>
              <button
                type="button"
                class="secondary"
                onClick={() => {
                  onPick(participant);
                  setText('');
                }}
              >
                <ParticipantName participant={participant} />
              </button>
            </li>
          ))}
        </ul>
      ) : text.trim() !== '' && error === null ? (
        <p class="hint">{t('mentions.noneFound')}</p>
      ) : null}
      <ErrorMessage error={error} />
    </div>
  );
}

interface CommentFormProps {
  readonly id: string;
  readonly label: string;
  readonly submitLabel: string;
  /** The comment and the ids of the participants it still names. */
  readonly onSubmit: (body: string, mentions: readonly string[]) => Promise<unknown>;
  readonly onCancel?: () => void;
}

/**
 * A comment or a reply, with mentions: a participant picked from the
 * directory is named in the text (`@Name`) and notified, unless their name
 * was taken out again before posting.
 */
export function CommentForm({ id, label, submitLabel, onSubmit, onCancel }: CommentFormProps) {
  const { t } = useTranslation();
  const [mentioned, setMentioned] = useState<readonly ParticipantRef[]>([]);
  return (
    <TextForm
      id={id}
      label={label}
      submitLabel={submitLabel}
      field="body"
      onCancel={onCancel}
      onSubmit={async (body) => {
        const named = mentioned.filter((participant) => body.includes(`@${participant.name}`));
        await onSubmit(
          body,
          named.map((participant) => participant.id),
        );
        setMentioned([]);
      }}
      extra={(text, setText) => (
        <>
          {mentioned.length > 0 ? (
            <p class="hint mentioned">
              {t('mentions.mentioned')}{' '}
              <span translate={false}>{mentioned.map((participant) => participant.name).join(', ')}</span>
            </p>
          ) : null}
          <MentionPicker
            id={`${id}-mention`}
            onPick={(participant) => {
              if (!mentioned.some((known) => known.id === participant.id)) setMentioned([...mentioned, participant]);
              const separator = text === '' || /\s$/.test(text) ? '' : ' ';
              setText(`${text}${separator}@${participant.name} `);
            }}
          />
        </>
      )}
    />
  );
}

import { useState } from 'preact/hooks';
import { EDIT_COMMENT, POST_COMMENT, RETRACT_COMMENT } from '../api/documents';
import type { Comment, Item } from '../api/types';
import { useTranslation } from '../i18n/i18n';
import { isSecretariat, useSession } from '../session/session';
import { ParticipantName } from '../ui/participant-name';
import { TextForm } from '../ui/text-form';
import { TimeStamp } from '../ui/time-stamp';
import { CommentForm } from './comment-form';

type Mode = 'reading' | 'replying' | 'editing' | 'retracting';

interface CommentProps {
  readonly itemId: string;
  readonly comment: Comment;
  readonly replies: ReadonlyMap<string, readonly Comment[]>;
  readonly changed: () => Promise<void>;
}

function CommentView({ itemId, comment, replies, changed }: CommentProps) {
  const { t } = useTranslation();
  const { viewer, request } = useSession();
  const [mode, setMode] = useState<Mode>('reading');
  const own = comment.author.id === viewer.id;
  const done = async () => {
    setMode('reading');
    await changed();
  };
  const formId = `comment-${comment.id}`;
  return (
    <li class="comment" id={formId}>
      <article aria-label={t('comments.by', { name: comment.author.name })}>
        <p class="comment-meta">
          <ParticipantName participant={comment.author} />
          <TimeStamp at={comment.postedAt} />
          {comment.editedAt !== null && !comment.retracted ? <span class="badge">{t('comments.edited')}</span> : null}
        </p>
        {comment.retracted ? (
          <p class="retracted">{t('comments.retracted')}</p>
        ) : (
          <p class="comment-body" translate={false}>
            {comment.body}
          </p>
        )}
        {!comment.retracted && mode === 'reading' ? (
          <div class="actions">
            <button type="button" class="link-button" onClick={() => setMode('replying')}>
              {t('comments.reply')}
            </button>
            {own ? (
              <button type="button" class="link-button" onClick={() => setMode('editing')}>
                {t('comments.edit')}
              </button>
            ) : null}
            {own || isSecretariat(viewer) ? (
              <button type="button" class="link-button" onClick={() => setMode('retracting')}>
                {t('comments.retract')}
              </button>
            ) : null}
          </div>
        ) : null}
        {mode === 'replying' ? (
          <CommentForm
            id={`${formId}-reply`}
            label={t('comments.replyLabel')}
            submitLabel={t('comments.postReply')}
            onCancel={() => setMode('reading')}
            onSubmit={async (body, mentions) => {
              await request(POST_COMMENT, { input: { itemId, body, replyTo: comment.id, mentions } });
              await done();
            }}
          />
        ) : null}
        {mode === 'editing' ? (
          <TextForm
            id={`${formId}-edit`}
            label={t('comments.editLabel')}
            submitLabel={t('comments.save')}
            field="body"
            initial={comment.body ?? ''}
            onCancel={() => setMode('reading')}
            onSubmit={async (body) => {
              await request(EDIT_COMMENT, { id: comment.id, body });
              await done();
            }}
          />
        ) : null}
        {mode === 'retracting' ? (
          <TextForm
            id={`${formId}-retract`}
            label={t('comments.reasonLabel')}
            submitLabel={t('comments.confirmRetract')}
            field="reason"
            multiline={false}
            onCancel={() => setMode('reading')}
            onSubmit={async (reason) => {
              await request(RETRACT_COMMENT, { id: comment.id, reason });
              await done();
            }}
          />
        ) : null}
      </article>
      <CommentList itemId={itemId} comments={replies.get(comment.id) ?? []} replies={replies} changed={changed} />
    </li>
  );
}

function CommentList(props: {
  itemId: string;
  comments: readonly Comment[];
  replies: ReadonlyMap<string, readonly Comment[]>;
  changed: () => Promise<void>;
}) {
  if (props.comments.length === 0) return null;
  return (
    <ol class="comments">
      {props.comments.map((comment) => (
        <CommentView
          key={comment.id}
          itemId={props.itemId}
          comment={comment}
          replies={props.replies}
          changed={props.changed}
        />
      ))}
    </ol>
  );
}

/** The item's discussion: comments with their replies under them, and a form to post one. */
export function Comments({ item, changed }: { item: Item; changed: () => Promise<void> }) {
  const { t } = useTranslation();
  const { request } = useSession();
  const comments = item.comments.edges.map((edge) => edge.node);
  const known = new Set(comments.map((comment) => comment.id));
  const replies = new Map<string, Comment[]>();
  const topLevel: Comment[] = [];
  for (const comment of comments) {
    // A reply whose parent is on a later page stands on its own rather than vanish.
    if (comment.replyTo !== null && known.has(comment.replyTo)) {
      replies.set(comment.replyTo, [...(replies.get(comment.replyTo) ?? []), comment]);
    } else {
      topLevel.push(comment);
    }
  }
  return (
    <section class="discussion" aria-labelledby="comments-heading">
      <h2 id="comments-heading">{t('comments.title', { count: comments.length })}</h2>
      {comments.length === 0 ? <p class="empty">{t('comments.none')}</p> : null}
      <CommentList itemId={item.id} comments={topLevel} replies={replies} changed={changed} />
      {item.comments.pageInfo.hasNextPage ? <p class="hint">{t('comments.more')}</p> : null}
      <CommentForm
        id="new-comment"
        label={t('comments.newLabel')}
        submitLabel={t('comments.post')}
        onSubmit={async (body, mentions) => {
          await request(POST_COMMENT, { input: { itemId: item.id, body, mentions } });
          await changed();
        }}
      />
    </section>
  );
}

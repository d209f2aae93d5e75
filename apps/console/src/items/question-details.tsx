import { useState } from 'preact/hooks';
import {
  ACCEPT_ANSWER,
  ANSWER_QUESTION,
  CLOSE_QUESTION,
  EDIT_ANSWER,
  REOPEN_QUESTION,
  REVISE_QUESTION,
} from '../api/documents';
import type { Topic } from '../api/enums';
import type { Answer, Question, Viewer } from '../api/types';
import { TopicsField } from '../forms/choice-fields';
import { controlProps, FormField } from '../forms/form-field';
import { draftsOf, type LinkDraft, linkInputs, LinksEditor } from '../forms/links-editor';
import { useTranslation } from '../i18n/i18n';
import { isFocalPointOf, isSecretariat, useSession } from '../session/session';
import { Disclosure } from '../ui/disclosure';
import { ErrorMessage } from '../ui/error-message';
import { ParticipantName } from '../ui/participant-name';
import { TextForm } from '../ui/text-form';
import { TimeStamp } from '../ui/time-stamp';
import { useAction } from '../ui/use-action';

type Changed = () => Promise<void>;

function AcceptButton({ question, answer, changed }: { question: Question; answer: Answer; changed: Changed }) {
  const { t } = useTranslation();
  const { request } = useSession();
  const { busy, error, run } = useAction();
  return (
    <div class="actions">
      <button
        type="button"
        disabled={busy}
        onClick={() =>
          void run(async () => {
            await request(ACCEPT_ANSWER, { questionId: question.id, answerId: answer.id });
            await changed();
          })
        }
      >
        {t('question.accept')}
      </button>
      <ErrorMessage error={error} />
    </div>
  );
}

/** The asker's changes to an open question, against the version they opened. */
function ReviseQuestionForm({ question, changed, close }: { question: Question; changed: Changed; close: () => void }) {
  const { t } = useTranslation();
  const { request } = useSession();
  const [version] = useState(question.version);
  const [title, setTitle] = useState(question.title);
  const [body, setBody] = useState(question.body);
  const [topics, setTopics] = useState<Topic[]>([...question.topics]);
  const [links, setLinks] = useState<readonly LinkDraft[]>(draftsOf(question.links));
  const { busy, error, run } = useAction();
  const submit = (event: Event) => {
    event.preventDefault();
    void run(async () => {
      await request(REVISE_QUESTION, {
        input: { id: question.id, expectedVersion: version, title, body, topics, links: linkInputs(links) },
      });
      close();
      await changed();
    });
  };
  return (
    <form class="stacked-form" onSubmit={submit} aria-label={t('question.revise')}>
      <FormField id="revise-question-title" label={t('forms.title')} field="title" error={error}>
        <input
          type="text"
          required
          value={title}
          onInput={(event) => setTitle(event.currentTarget.value)}
          {...controlProps('revise-question-title', error, 'title')}
        />
      </FormField>
      <FormField id="revise-question-body" label={t('question.body')} field="body" error={error}>
        <textarea
          rows={6}
          required
          value={body}
          onInput={(event) => setBody(event.currentTarget.value)}
          {...controlProps('revise-question-body', error, 'body')}
        />
      </FormField>
      <TopicsField id="revise-question-topics" topics={topics} onChange={setTopics} error={error} />
      <LinksEditor id="revise-question" links={links} onChange={setLinks} error={error} />
      <div class="actions">
        <button type="submit" disabled={busy}>
          {t('question.saveRevision')}
        </button>
        <button type="button" class="secondary" onClick={close}>
          {t('common.cancel')}
        </button>
      </div>
      <ErrorMessage error={error} />
    </form>
  );
}

function AnswerView({
  question,
  answer,
  mayAccept,
  changed,
}: {
  question: Question;
  answer: Answer;
  mayAccept: boolean;
  changed: Changed;
}) {
  const { t } = useTranslation();
  const { viewer, request } = useSession();
  const [editing, setEditing] = useState(false);
  const mayEdit = answer.author.id === viewer.id && question.questionStatus !== 'CLOSED';
  const formId = `answer-${answer.id}`;
  return (
    <li class={answer.accepted ? 'answer answer-accepted' : 'answer'} id={formId}>
      <p class="comment-meta">
        <ParticipantName participant={answer.author} />
        <TimeStamp at={answer.answeredAt} />
        {answer.accepted ? <span class="badge badge-accepted">{t('question.accepted')}</span> : null}
        {answer.editedAt !== null ? (
          <span class="badge">
            {t('question.edited')} <TimeStamp at={answer.editedAt} />
          </span>
        ) : null}
      </p>
      {editing ? (
        <TextForm
          id={`${formId}-edit`}
          label={t('question.editLabel')}
          submitLabel={t('question.saveAnswer')}
          field="body"
          initial={answer.body}
          onCancel={() => setEditing(false)}
          onSubmit={async (body) => {
            await request(EDIT_ANSWER, { questionId: question.id, answerId: answer.id, body });
            setEditing(false);
            await changed();
          }}
        />
      ) : (
        <div class="prose" translate={false}>
          {answer.body}
        </div>
      )}
      {!editing && mayEdit ? (
        <div class="actions">
          <button type="button" class="link-button" onClick={() => setEditing(true)}>
            {t('question.editAnswer')}
          </button>
        </div>
      ) : null}
      {!editing && mayAccept && !answer.accepted ? (
        <AcceptButton question={question} answer={answer} changed={changed} />
      ) : null}
    </li>
  );
}

/** The author or a focal point of the question's country; the API has the last word. */
function isAskerSide(question: Question, viewer: Viewer): boolean {
  return question.author.id === viewer.id || isFocalPointOf(viewer, question.country.code);
}

export function QuestionDetails({ question, changed }: { question: Question; changed: Changed }) {
  const { t } = useTranslation();
  const { viewer, request } = useSession();
  const asker = isAskerSide(question, viewer);
  const closed = question.questionStatus === 'CLOSED';
  const mayAccept = !closed && asker;
  // Those who may close a question may reopen it, and the secretariat too.
  const mayReopen = closed && (asker || isSecretariat(viewer));
  return (
    <>
      <section aria-labelledby="question-body">
        <h2 id="question-body">{t('question.body')}</h2>
        <div class="prose" translate={false}>
          {question.body}
        </div>
        <div class="disclosures">
          {asker && question.questionStatus === 'OPEN' ? (
            <Disclosure id="revise-question" label={t('question.revise')}>
              {(close) => <ReviseQuestionForm question={question} changed={changed} close={close} />}
            </Disclosure>
          ) : null}
          {asker && !closed ? (
            <Disclosure id="close-question" label={t('question.close')}>
              {(close) => (
                <TextForm
                  id="close-question-form"
                  label={t('question.closeReason')}
                  submitLabel={t('question.confirmClose')}
                  field="reason"
                  required={false}
                  multiline={false}
                  onCancel={close}
                  onSubmit={async (reason) => {
                    await request(CLOSE_QUESTION, { id: question.id, reason: reason.trim() === '' ? null : reason });
                    await changed();
                  }}
                />
              )}
            </Disclosure>
          ) : null}
          {mayReopen ? (
            <TextForm
              id="reopen-question"
              label={t('question.reopenReason')}
              submitLabel={t('question.reopen')}
              field="reason"
              required={false}
              multiline={false}
              onSubmit={async (reason) => {
                await request(REOPEN_QUESTION, { id: question.id, reason: reason.trim() === '' ? null : reason });
                await changed();
              }}
            />
          ) : null}
        </div>
      </section>
      <section aria-labelledby="answers-heading">
        <h2 id="answers-heading">{t('question.answers', { count: question.answers.length })}</h2>
        {question.answers.length === 0 ? <p class="empty">{t('question.noAnswers')}</p> : null}
        <ol class="answers">
          {question.answers.map((answer) => (
            <AnswerView key={answer.id} question={question} answer={answer} mayAccept={mayAccept} changed={changed} />
          ))}
        </ol>
        {!closed && viewer.country !== null ? (
          <TextForm
            id="answer"
            label={t('question.answerLabel')}
            submitLabel={t('question.answer')}
            field="body"
            onSubmit={async (body) => {
              await request(ANSWER_QUESTION, { input: { questionId: question.id, body } });
              await changed();
            }}
          />
        ) : null}
      </section>
    </>
  );
}

import { ACCEPT_ANSWER, ANSWER_QUESTION } from '../api/documents';
import type { Answer, Question } from '../api/types';
import { useTranslation } from '../i18n/i18n';
import { useSession } from '../session/session';
import { ErrorMessage } from '../ui/error-message';
import { ParticipantName } from '../ui/participant-name';
import { TextForm } from '../ui/text-form';
import { TimeStamp } from '../ui/time-stamp';
import { useAction } from '../ui/use-action';

function AcceptButton({
  question,
  answer,
  changed,
}: {
  question: Question;
  answer: Answer;
  changed: () => Promise<void>;
}) {
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

export function QuestionDetails({ question, changed }: { question: Question; changed: () => Promise<void> }) {
  const { t } = useTranslation();
  const { viewer, request } = useSession();
  // The author or a focal point of the question's country accepts; the API has the last word.
  const mayAccept =
    question.questionStatus !== 'CLOSED' &&
    (question.author.id === viewer.id ||
      (viewer.country?.code === question.country.code && viewer.roles.includes('FOCAL_POINT')));
  return (
    <>
      <section aria-labelledby="question-body">
        <h2 id="question-body">{t('question.body')}</h2>
        <div class="prose" translate={false}>
          {question.body}
        </div>
      </section>
      <section aria-labelledby="answers-heading">
        <h2 id="answers-heading">{t('question.answers', { count: question.answers.length })}</h2>
        {question.answers.length === 0 ? <p class="empty">{t('question.noAnswers')}</p> : null}
        <ol class="answers">
          {question.answers.map((answer) => (
            <li key={answer.id} class={answer.accepted ? 'answer answer-accepted' : 'answer'}>
              <p class="comment-meta">
                <ParticipantName participant={answer.author} />
                <TimeStamp at={answer.answeredAt} />
                {answer.accepted ? <span class="badge badge-accepted">{t('question.accepted')}</span> : null}
              </p>
              <div class="prose" translate={false}>
                {answer.body}
              </div>
              {mayAccept && !answer.accepted ? (
                <AcceptButton question={question} answer={answer} changed={changed} />
              ) : null}
            </li>
          ))}
        </ol>
        {question.questionStatus !== 'CLOSED' && viewer.country !== null ? (
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

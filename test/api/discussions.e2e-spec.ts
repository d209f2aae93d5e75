import type { Participant } from '@coop/domain';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  askQuestion,
  dataOf,
  expectError,
  expectFieldError,
  postComment,
  proposeJointProject,
  sharePractice,
  unique,
} from './support/api.js';
import {
  EDIT_COMMENT,
  ITEM_COMMENTS,
  ITEM_COMMENTS_DEFAULT_PAGE,
  ITEM_HISTORY,
  POST_COMMENT,
  RETRACT_COMMENT,
} from './support/documents.js';
import { cast } from './support/people.js';
import type { AuditEventFields, CommentFields, Connection } from './support/types.js';

const { kzExpert, kzFocalPoint, rsExpert, geExpert, uaFocalPoint, secretariat } = cast;

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});

afterAll(async () => {
  await app?.dispose();
});

const edit = (who: Participant, id: string, body: string) =>
  app.gql<{ editComment: CommentFields }>(who, EDIT_COMMENT, { id, body });
const retract = (who: Participant, id: string, reason = 'Posted in the wrong thread') =>
  app.gql<{ retractComment: CommentFields }>(who, RETRACT_COMMENT, { id, reason });
const post = (who: Participant, input: Record<string, unknown>) =>
  app.gql<{ postComment: CommentFields }>(who, POST_COMMENT, { input });

type CommentsPage = { item: { id: string; comments: Connection<CommentFields> } | null };
const commentsPage = async (who: Participant, id: string, first?: number, after?: string | null) =>
  dataOf(await app.gql<CommentsPage>(who, ITEM_COMMENTS, { id, first, after })).item?.comments;

describe('postComment', () => {
  it('posts a comment on a practice, a question and a proposal, each readable right away', async () => {
    const items = [
      await sharePractice(app, kzExpert),
      await askQuestion(app, kzExpert),
      await proposeJointProject(app, kzFocalPoint),
    ];
    for (const item of items) {
      const comment = await postComment(app, rsExpert, item.id, { body: '  Thank you, very useful.  ' });
      expect(comment).toMatchObject({
        itemId: item.id,
        body: 'Thank you, very useful.',
        author: { id: rsExpert.id },
        country: { code: 'RS' },
        replyTo: null,
        editedAt: null,
        retracted: false,
      });
      expect((await commentsPage(kzExpert, item.id))?.edges.map((edge) => edge.node)).toEqual([comment]);
    }
  });

  it('posts a reply to a comment of the same item', async () => {
    const practice = await sharePractice(app, kzExpert);
    const first = await postComment(app, rsExpert, practice.id);
    const reply = await postComment(app, kzExpert, practice.id, { replyTo: first.id });
    expect(reply.replyTo).toBe(first.id);
  });

  it('answers BAD_USER_INPUT naming replyTo for a comment of another item', async () => {
    const practice = await sharePractice(app, kzExpert);
    const elsewhere = await postComment(app, rsExpert, (await sharePractice(app, kzExpert)).id);
    expectFieldError(await post(kzExpert, { itemId: practice.id, body: 'A reply', replyTo: elsewhere.id }), 'replyTo');
  });

  it('lets the secretariat take part', async () => {
    const practice = await sharePractice(app, kzExpert);
    expect((await postComment(app, secretariat, practice.id)).country).toBeNull();
  });

  it('answers BAD_USER_INPUT naming the body when it is empty or too long', async () => {
    const practice = await sharePractice(app, kzExpert);
    expectFieldError(await post(rsExpert, { itemId: practice.id, body: ' ' }), 'body');
    expectFieldError(await post(rsExpert, { itemId: practice.id, body: 'x'.repeat(5001) }), 'body');
  });

  it('answers NOT_FOUND on an item the commenter may not see, and on no item at all', async () => {
    const practice = await sharePractice(app, kzExpert, { audience: { scope: 'COUNTRIES', countries: ['GE'] } });
    expectError(await post(rsExpert, { itemId: practice.id, body: 'Let me in' }), 'NOT_FOUND');
    expectError(await post(rsExpert, { itemId: '9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d', body: 'Anyone?' }), 'NOT_FOUND');
    expect((await postComment(app, geExpert, practice.id)).country).toEqual({ code: 'GE' });
  });

  it('answers the same comment for a retried idempotency key and records nothing the second time', async () => {
    const practice = await sharePractice(app, kzExpert);
    const idempotencyKey = unique('comment-key');
    const first = await postComment(app, rsExpert, practice.id, { idempotencyKey, body: 'Once only' });
    const retried = await postComment(app, rsExpert, practice.id, { idempotencyKey, body: 'Once only' });
    expect(retried.id).toBe(first.id);
    expect((await commentsPage(kzExpert, practice.id))?.edges).toHaveLength(1);
    const other = await postComment(app, geExpert, practice.id, { idempotencyKey, body: 'Once only' });
    expect(other.id).not.toBe(first.id);
  });

  it('puts the comment in the item’s history, after the item’s own events', async () => {
    const practice = await sharePractice(app, kzExpert);
    const comment = await postComment(app, rsExpert, practice.id);
    const { item } = dataOf(
      await app.gql<{ item: { history: AuditEventFields[] } }>(kzExpert, ITEM_HISTORY, { id: practice.id }),
    );
    expect(item.history.map(({ type, streamId, version }) => ({ type, streamId, version }))).toEqual([
      { type: 'PracticeShared', streamId: `practice-${practice.id}`, version: 1 },
      { type: 'CommentPosted', streamId: `discussion-${practice.id}`, version: 1 },
    ]);
    expect(item.history[1]?.data).toMatchObject({ commentId: comment.id, body: comment.body });
  });
});

describe('comments on an item', () => {
  it('pages oldest first with first/after, without duplicates or gaps', async () => {
    const practice = await sharePractice(app, kzExpert);
    const posted: CommentFields[] = [];
    for (let index = 0; index < 5; index++)
      posted.push(await postComment(app, index % 2 ? rsExpert : geExpert, practice.id));

    const seen: CommentFields[] = [];
    let after: string | null = null;
    const pages: boolean[] = [];
    for (;;) {
      const page: Connection<CommentFields> | undefined = await commentsPage(uaFocalPoint, practice.id, 2, after);
      if (!page) throw new Error('the practice is not visible');
      seen.push(...page.edges.map((edge) => edge.node));
      pages.push(page.pageInfo.hasNextPage);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toEqual([true, true, false]);
    expect(seen).toEqual(posted);
  });

  it('defaults to a page of 50', async () => {
    const practice = await sharePractice(app, kzExpert);
    for (let index = 0; index < 51; index++)
      await postComment(app, rsExpert, practice.id, { body: `Comment ${index}` });
    const { item } = dataOf(
      await app.gql<{ item: { comments: { edges: unknown[]; pageInfo: { hasNextPage: boolean } } } }>(
        kzExpert,
        ITEM_COMMENTS_DEFAULT_PAGE,
        {
          id: practice.id,
        },
      ),
    );
    expect(item.comments.edges).toHaveLength(50);
    expect(item.comments.pageInfo.hasNextPage).toBe(true);
  });
});

describe('editComment', () => {
  it('lets the author edit, recording when', async () => {
    const practice = await sharePractice(app, kzExpert);
    const comment = await postComment(app, rsExpert, practice.id);
    const edited = dataOf(await edit(rsExpert, comment.id, 'Corrected: the 2019 guidelines')).editComment;
    expect(edited).toMatchObject({ id: comment.id, body: 'Corrected: the 2019 guidelines', retracted: false });
    expect(edited.editedAt).toEqual(expect.any(String));
    expect((await commentsPage(kzExpert, practice.id))?.edges[0]?.node.body).toBe('Corrected: the 2019 guidelines');
  });

  it.each([
    ['another participant', geExpert],
    ['a focal point of the author’s country', cast.rsFocalPoint],
    ['the author of the item', kzExpert],
    ['the secretariat', secretariat],
  ])('is refused to %s', async (_who, who) => {
    const practice = await sharePractice(app, kzExpert);
    const comment = await postComment(app, rsExpert, practice.id);
    expectError(await edit(who, comment.id, 'Rewritten by someone else'), 'FORBIDDEN');
  });

  it('answers BAD_USER_INPUT naming the body when the new body is empty', async () => {
    const practice = await sharePractice(app, kzExpert);
    const comment = await postComment(app, rsExpert, practice.id);
    expectFieldError(await edit(rsExpert, comment.id, '   '), 'body');
  });

  it('answers INVALID_STATE for a retracted comment', async () => {
    const practice = await sharePractice(app, kzExpert);
    const comment = await postComment(app, rsExpert, practice.id);
    dataOf(await retract(rsExpert, comment.id));
    expectError(await edit(rsExpert, comment.id, 'Back again'), 'INVALID_STATE');
  });

  it('answers NOT_FOUND for a comment on an item the editor may not see, and for no comment at all', async () => {
    const practice = await sharePractice(app, kzExpert, {
      audience: { scope: 'SUBREGIONS', subregions: ['CAUCASUS'] },
    });
    const comment = await postComment(app, geExpert, practice.id);
    expectError(await edit(rsExpert, comment.id, 'Hidden'), 'NOT_FOUND');
    expectError(await edit(rsExpert, '2c3d4e5f-0000-4000-8000-000000000000', 'Nothing'), 'NOT_FOUND');
  });
});

describe('retractComment', () => {
  it('lets the author retract: the comment stays, without its body', async () => {
    const practice = await sharePractice(app, kzExpert);
    const comment = await postComment(app, rsExpert, practice.id);
    const retracted = dataOf(await retract(rsExpert, comment.id)).retractComment;
    expect(retracted).toMatchObject({ id: comment.id, body: null, retracted: true });
    expect((await commentsPage(kzExpert, practice.id))?.edges[0]?.node).toMatchObject({ body: null, retracted: true });
  });

  it('lets the secretariat retract another’s comment', async () => {
    const practice = await sharePractice(app, kzExpert);
    const comment = await postComment(app, rsExpert, practice.id);
    expect(dataOf(await retract(secretariat, comment.id, 'Breaks the code of conduct')).retractComment.retracted).toBe(
      true,
    );
  });

  it.each([
    ['another participant', geExpert],
    ['the author of the item', kzExpert],
    ['a focal point of the author’s country', cast.rsFocalPoint],
  ])('is refused to %s', async (_who, who) => {
    const practice = await sharePractice(app, kzExpert);
    const comment = await postComment(app, rsExpert, practice.id);
    expectError(await retract(who, comment.id), 'FORBIDDEN');
  });

  it('answers INVALID_STATE when the comment is retracted already', async () => {
    const practice = await sharePractice(app, kzExpert);
    const comment = await postComment(app, rsExpert, practice.id);
    dataOf(await retract(rsExpert, comment.id));
    expectError(await retract(secretariat, comment.id), 'INVALID_STATE');
  });
});

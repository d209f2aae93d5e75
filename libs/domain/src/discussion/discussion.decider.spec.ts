import { fold } from '../shared/decider.types.js';
import type { Issued } from '../shared/event.types.js';
import { Forbidden, InvalidState, NotFound, ValidationFailed } from '../shared/domain.errors.js';
import type { Participant } from '../shared/participant.types.js';
import { deciderSpec } from '../testing/decider.specification.js';
import {
  focalPointOf,
  minutesAfterNow,
  NOW,
  participantOfCountry,
  roleless,
  SECRETARIAT,
} from '../testing/domain.fixtures.js';
import type { EditComment, PostComment, RetractComment } from './discussion.commands.js';
import { discussionDecider } from './discussion.decider.js';
import type { CommentEdited, CommentPosted, CommentRetracted } from './discussion.events.js';

const spec = deciderSpec(discussionDecider);
const itemId = 'p-1';
const commenter = participantOfCountry('GE', 'commenter');
const replier = participantOfCountry('AM', 'replier');
const at = (minutes: number) => minutesAfterNow(minutes).toISOString();

const post = (overrides: Partial<Issued<PostComment>> = {}): Issued<PostComment> => ({
  type: 'PostComment',
  itemId,
  itemKind: 'PRACTICE',
  commentId: 'c-1',
  actor: commenter,
  now: NOW,
  body: 'We did the same in Tbilisi.',
  ...overrides,
});

const posted = (overrides: Partial<CommentPosted['data']> = {}): CommentPosted => ({
  type: 'CommentPosted',
  data: {
    itemId,
    itemKind: 'PRACTICE',
    commentId: 'c-1',
    body: 'We did the same in Tbilisi.',
    replyTo: null,
    author: commenter,
    mentions: [],
    occurredAt: NOW.toISOString(),
    ...overrides,
  },
});

const reply = posted({
  commentId: 'c-2',
  body: 'How long did it take?',
  replyTo: 'c-1',
  author: replier,
  occurredAt: at(1),
});

const edit = (overrides: Partial<Issued<EditComment>> = {}): Issued<EditComment> => ({
  type: 'EditComment',
  itemId,
  commentId: 'c-1',
  actor: commenter,
  now: minutesAfterNow(2),
  body: 'We did the same in Tbilisi, in 2018.',
  ...overrides,
});

const edited: CommentEdited = {
  type: 'CommentEdited',
  data: {
    itemId,
    itemKind: 'PRACTICE',
    commentId: 'c-1',
    body: 'We did the same in Tbilisi, in 2018.',
    by: commenter,
    occurredAt: at(2),
  },
};

const retract = (actor: Participant = commenter, reason = 'Posted on the wrong item'): Issued<RetractComment> => ({
  type: 'RetractComment',
  itemId,
  commentId: 'c-1',
  actor,
  now: minutesAfterNow(3),
  reason,
});

const retracted = (by: Participant = commenter): CommentRetracted => ({
  type: 'CommentRetracted',
  data: { itemId, itemKind: 'PRACTICE', commentId: 'c-1', reason: 'Posted on the wrong item', by, occurredAt: at(3) },
});

describe('discussion decider', () => {
  describe('post', () => {
    it('records the comment with its item, kind and author', () => {
      spec.given([]).when(post()).then([posted()]);
    });

    it('records a reply to a comment of the same item', () => {
      spec
        .given([posted()])
        .when(
          post({
            commentId: 'c-2',
            body: 'How long did it take?',
            replyTo: 'c-1',
            actor: replier,
            now: minutesAfterNow(1),
          }),
        )
        .then([reply]);
    });

    it('rejects a reply to a comment the item does not have', () => {
      spec
        .given([posted()])
        .when(post({ commentId: 'c-2', replyTo: 'c-9' }))
        .thenThrows(ValidationFailed, (error) =>
          expect(error.fields).toEqual({ replyTo: ['must be a comment on the same item'] }),
        );
    });

    it('records the participants it mentions, as the caller resolved them', () => {
      const mentioned = [focalPointOf('KG'), SECRETARIAT];
      spec
        .given([])
        .when(post({ mentions: mentioned }))
        .then([posted({ mentions: mentioned })]);
    });

    it('keeps of each mentioned participant only what an event records of a participant', () => {
      const withClaims = { ...focalPointOf('KG'), email: 'fp@example.kg' } as Participant;
      spec
        .given([])
        .when(post({ mentions: [withClaims] }))
        .then([posted({ mentions: [focalPointOf('KG')] })]);
    });

    it('mentions at most 20 participants, each once', () => {
      const many = Array.from({ length: 21 }, (_, index) => participantOfCountry('KG', `kg-${index}`));
      spec
        .given([])
        .when(post({ mentions: many.slice(0, 20) }))
        .then([posted({ mentions: many.slice(0, 20) })]);
      spec
        .given([])
        .when(post({ mentions: many }))
        .thenThrows(ValidationFailed, (error) => expect(error.fields).toEqual({ mentions: ['must list at most 20'] }));
      spec
        .given([])
        .when(post({ mentions: [replier, focalPointOf('KG'), replier] }))
        .thenThrows(ValidationFailed, (error) =>
          expect(error.fields).toEqual({ mentions: ['lists replier more than once'] }),
        );
    });

    it('lets the secretariat comment', () => {
      spec
        .given([])
        .when(post({ actor: SECRETARIAT }))
        .then([posted({ author: SECRETARIAT })]);
    });

    it.each([
      ['an actor without a role', roleless('GE')],
      ['an actor with neither a country nor the secretariat role', { ...commenter, country: null }],
    ])('forbids %s', (_, actor) => {
      spec.given([]).when(post({ actor })).thenThrows(Forbidden);
    });

    it('rejects reusing a comment id', () => {
      spec
        .given([posted()])
        .when(post({ actor: replier }))
        .thenThrows(InvalidState);
    });

    it.each([
      ['an empty comment', '', 'must not be empty'],
      ['a comment over 5,000 characters', 'x'.repeat(5_001), 'must be at most 5000 characters'],
      ['an untrimmed comment', 'Agreed ', 'must not start or end with whitespace'],
      ['a control character', 'Agreed\u0008', 'must not contain control characters other than newline and tab'],
    ])('rejects %s', (_, body, message) => {
      spec
        .given([])
        .when(post({ body }))
        .thenThrows(ValidationFailed, (error) => expect(error.fields).toEqual({ body: [message] }));
    });
  });

  describe('edit', () => {
    it('records the new body', () => {
      spec.given([posted()]).when(edit()).then([edited]);
    });

    it('records nothing when the body is unchanged', () => {
      spec
        .given([posted()])
        .when(edit({ body: 'We did the same in Tbilisi.' }))
        .then([]);
    });

    it.each([
      ['another participant', replier],
      ['a focal point of the author country', focalPointOf('GE')],
      ['the secretariat', SECRETARIAT],
    ])('forbids %s', (_, actor) => {
      spec.given([posted()]).when(edit({ actor })).thenThrows(Forbidden);
    });

    it('rejects editing a retracted comment', () => {
      spec.given([posted(), retracted()]).when(edit()).thenThrows(InvalidState);
    });

    it('answers NotFound for a comment that does not exist', () => {
      spec.given([]).when(edit()).thenThrows(NotFound);
      spec
        .given([posted()])
        .when(edit({ commentId: 'c-9' }))
        .thenThrows(NotFound);
    });

    it('validates the body', () => {
      spec
        .given([posted()])
        .when(edit({ body: '' }))
        .thenThrows(ValidationFailed);
    });
  });

  describe('retract', () => {
    it('lets the author retract, with a reason', () => {
      spec.given([posted()]).when(retract()).then([retracted()]);
    });

    it("lets the secretariat retract someone else's comment", () => {
      spec
        .given([posted()])
        .when(retract(SECRETARIAT))
        .then([retracted(SECRETARIAT)]);
    });

    it.each([
      ['another participant', replier],
      ['a focal point of the author country', focalPointOf('GE')],
    ])('forbids %s', (_, actor) => {
      spec.given([posted()]).when(retract(actor)).thenThrows(Forbidden);
    });

    it('rejects retracting twice', () => {
      spec.given([posted(), retracted()]).when(retract()).thenThrows(InvalidState);
    });

    it('requires a reason', () => {
      spec.given([posted()]).when(retract(commenter, '')).thenThrows(ValidationFailed);
    });

    it('answers NotFound for a comment that does not exist', () => {
      spec.given([]).when(retract()).thenThrows(NotFound);
    });

    it('removes the body from the state and keeps the thread', () => {
      expect(fold(discussionDecider, [posted(), reply, edited, retracted()])).toEqual({
        status: 'ACTIVE',
        itemId,
        itemKind: 'PRACTICE',
        comments: [
          {
            id: 'c-1',
            author: commenter,
            replyTo: null,
            postedAt: NOW.toISOString(),
            editedAt: at(2),
            retracted: true,
            body: null,
          },
          {
            id: 'c-2',
            author: replier,
            replyTo: 'c-1',
            postedAt: at(1),
            editedAt: null,
            retracted: false,
            body: 'How long did it take?',
          },
        ],
      });
    });

    it('still accepts replies to a retracted comment', () => {
      spec
        .given([posted(), retracted()])
        .when(
          post({
            commentId: 'c-2',
            replyTo: 'c-1',
            actor: replier,
            body: 'How long did it take?',
            now: minutesAfterNow(1),
          }),
        )
        .then([reply]);
    });
  });

  it('ignores an event the state cannot take', () => {
    expect(fold(discussionDecider, [edited, retracted()])).toEqual({ status: 'EMPTY' });
  });
});

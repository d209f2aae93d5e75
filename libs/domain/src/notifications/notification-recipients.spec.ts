import { consultationDecider } from '../consultation/consultation.decider.js';
import { discussionDecider } from '../discussion/discussion.decider.js';
import type { DomainEvent } from '../events/domain-event.js';
import { evolveItem, type ItemState } from '../items/item-fold.js';
import { participantDecider } from '../participant/participant.decider.js';
import { practiceDecider } from '../practice/practice.decider.js';
import { proposalDecider } from '../proposal/proposal.decider.js';
import { questionDecider } from '../question/question.decider.js';
import { type Decider, fold } from '../shared/decider.types.js';
import type { Issued } from '../shared/event.types.js';
import type { Participant } from '../shared/participant.types.js';
import { focalPointOf, minutesAfterNow, participantOfCountry, SECRETARIAT } from '../testing/domain.fixtures.js';
import { notificationsOf } from './notification-recipients.js';
import { type Addressee, addresseesOf, type Notice } from './notification.types.js';

const kzFocalPoint = focalPointOf('KZ');
const kzExpert = participantOfCountry('KZ');
const kgFocalPoint = focalPointOf('KG');
const kgExpert = participantOfCountry('KG');
const tjExpert = participantOfCountry('TJ');
const watcher = participantOfCountry('UZ', 'uz-watcher');

/** One item's stream and discussion, run through the real deciders, with the item folded as a projection folds it. */
class Story {
  private stream: DomainEvent[] = [];
  private discussion: DomainEvent[] = [];
  private minute = 0;
  item: ItemState | null = null;

  decide<Command, Event extends DomainEvent, State>(
    decider: Decider<Command, Event, State>,
    actor: Participant,
    command: Command,
  ): Event {
    const onDiscussion = decider === (discussionDecider as unknown);
    const history = (onDiscussion ? this.discussion : this.stream) as Event[];
    const [event] = decider.decide(
      { ...command, actor, now: minutesAfterNow(this.minute++) } as Issued<Command>,
      fold(decider, history),
    );
    if (event === undefined) throw new Error('the command decided nothing');
    history.push(event);
    if (!onDiscussion) this.item = evolveItem(this.item, event);
    return event;
  }

  /** The notices of `event` by `actor`, with these watchers. */
  notices(event: DomainEvent, actor: Participant, watchers: readonly Participant[] = []): Notice[] {
    const item = this.item;
    if (item === null) throw new Error('no item yet');
    const comments = fold(discussionDecider, this.discussion as Parameters<typeof discussionDecider.evolve>[1][]);
    return notificationsOf(event, actor.id, {
      item,
      watchers: watchers.map((one) => one.id),
      commentAuthor: (id) =>
        comments.status === 'ACTIVE'
          ? (comments.comments.find((comment) => comment.id === id)?.author.id ?? null)
          : null,
    });
  }
}

const to = (participant: Participant): Addressee => ({ to: 'PARTICIPANT', participantId: participant.id });

function proposal(): { story: Story; proposed: DomainEvent } {
  const story = new Story();
  const proposed = story.decide(proposalDecider, kzFocalPoint, {
    type: 'ProposeJointProject',
    proposalId: 'jp-1',
    title: 'Tailings safety in Central Asia',
    objectives: 'Joint inspections',
    topics: ['TAILINGS_SAFETY'],
    durationMonths: 12,
    partnerCountries: ['KG', 'TJ'],
  });
  return { story, proposed };
}

function question(): Story {
  const story = new Story();
  story.decide(questionDecider, kzExpert, {
    type: 'AskQuestion',
    questionId: 'q-1',
    title: 'Notifying neighbours',
    body: 'How do you notify them?',
    topics: ['NOTIFICATION'],
    audience: { scope: 'NETWORK' },
  });
  return story;
}

function practice(): Story {
  const story = new Story();
  story.decide(practiceDecider, kzExpert, {
    type: 'SharePractice',
    practiceId: 'p-1',
    title: 'Tailings dam inspections',
    summary: 'Every spring',
    body: 'Before the floods',
    topics: ['TAILINGS_SAFETY'],
    audience: { scope: 'NETWORK' },
  });
  return story;
}

describe('notificationsOf', () => {
  describe('joint project proposals', () => {
    it("invites each partner country's focal points, whoever they turn out to be", () => {
      const { story, proposed } = proposal();
      expect(story.notices(proposed, kzFocalPoint)).toEqual([
        { addressee: { to: 'FOCAL_POINTS', country: 'KG' }, reason: 'PARTNER_INVITATION' },
        { addressee: { to: 'FOCAL_POINTS', country: 'TJ' }, reason: 'PARTNER_INVITATION' },
      ]);
    });

    it.each([true, false])("tells the lead country's focal points that a partner responded (accept: %s)", (accept) => {
      const { story } = proposal();
      const responded = story.decide(proposalDecider, kgFocalPoint, {
        type: 'RespondToInvitation',
        proposalId: 'jp-1',
        accept,
      });
      expect(story.notices(responded, kgFocalPoint)).toEqual([
        { addressee: { to: 'FOCAL_POINTS', country: 'KZ' }, reason: 'PARTNER_RESPONDED' },
      ]);
    });

    it('invites a country added later as the partners proposed with it: its focal points', () => {
      const { story } = proposal();
      const invited = story.decide(proposalDecider, kzFocalPoint, {
        type: 'InvitePartner',
        proposalId: 'jp-1',
        country: 'UZ',
      });
      expect(story.notices(invited, kzFocalPoint, [watcher])).toEqual([
        { addressee: { to: 'FOCAL_POINTS', country: 'UZ' }, reason: 'PARTNER_INVITATION' },
        { addressee: to(watcher), reason: 'WATCHED_ITEM' },
      ]);
    });

    it("tells the lead country's focal points of the review, and watchers of the rest", () => {
      const { story } = proposal();
      story.decide(proposalDecider, kgFocalPoint, { type: 'RespondToInvitation', proposalId: 'jp-1', accept: true });
      const submitted = story.decide(proposalDecider, kzFocalPoint, { type: 'SubmitProposal', proposalId: 'jp-1' });
      expect(story.notices(submitted, kzFocalPoint, [watcher])).toEqual([
        { addressee: to(watcher), reason: 'WATCHED_ITEM' },
      ]);
      const reviewed = story.decide(proposalDecider, SECRETARIAT, {
        type: 'ReviewProposal',
        proposalId: 'jp-1',
        decision: 'ENDORSE',
        note: 'Well prepared',
      });
      expect(story.notices(reviewed, SECRETARIAT, [watcher])).toEqual([
        { addressee: { to: 'FOCAL_POINTS', country: 'KZ' }, reason: 'PROPOSAL_REVIEWED' },
        { addressee: to(watcher), reason: 'WATCHED_ITEM' },
      ]);
    });
  });

  describe('consultations', () => {
    function consultation(): { story: Story; requested: DomainEvent } {
      const story = new Story();
      const requested = story.decide(consultationDecider, kzFocalPoint, {
        type: 'RequestConsultation',
        consultationId: 'tc-1',
        title: 'Tailings facility on the Syr Darya',
        hazardousActivity: 'A tailings management facility',
        location: 'Upstream of the border',
        body: 'Possible effects downstream',
        topics: ['TRANSBOUNDARY_CONSULTATION'],
        consultedCountries: ['KG', 'UZ'],
        respondBy: minutesAfterNow(60 * 24 * 30),
      });
      return { story, requested };
    }

    it('tells every participant of each consulted country, whoever they are', () => {
      const { story, requested } = consultation();
      expect(story.notices(requested, kzFocalPoint)).toEqual([
        { addressee: { to: 'COUNTRY', country: 'KG' }, reason: 'CONSULTATION_REQUESTED' },
        { addressee: { to: 'COUNTRY', country: 'UZ' }, reason: 'CONSULTATION_REQUESTED' },
      ]);
    });

    it("tells the originating country's focal points and the author of a response, and watchers of the rest", () => {
      const { story } = consultation();
      const responded = story.decide(consultationDecider, kgFocalPoint, {
        type: 'RespondToConsultation',
        consultationId: 'tc-1',
        position: 'NO_SIGNIFICANT_EFFECTS',
        body: 'No effects expected downstream',
      });
      expect(story.notices(responded, kgFocalPoint, [watcher])).toEqual([
        { addressee: { to: 'FOCAL_POINTS', country: 'KZ' }, reason: 'CONSULTATION_RESPONSE' },
        { addressee: to(kzFocalPoint), reason: 'CONSULTATION_RESPONSE' },
        { addressee: to(watcher), reason: 'WATCHED_ITEM' },
      ]);
      const concluded = story.decide(consultationDecider, kzFocalPoint, {
        type: 'ConcludeConsultation',
        consultationId: 'tc-1',
        conclusion: 'No transboundary effects',
      });
      expect(story.notices(concluded, kzFocalPoint, [watcher])).toEqual([
        { addressee: to(watcher), reason: 'WATCHED_ITEM' },
      ]);
    });
  });

  describe('questions', () => {
    it('tells the author of a question that it was answered, and the answerer that the answer was accepted', () => {
      const story = question();
      const answered = story.decide(questionDecider, kgExpert, {
        type: 'AnswerQuestion',
        questionId: 'q-1',
        answerId: 'a-1',
        body: 'Through the IAN system',
      });
      expect(story.notices(answered, kgExpert)).toEqual([{ addressee: to(kzExpert), reason: 'ANSWER_RECEIVED' }]);
      const accepted = story.decide(questionDecider, kzExpert, {
        type: 'AcceptAnswer',
        questionId: 'q-1',
        answerId: 'a-1',
      });
      expect(story.notices(accepted, kzExpert)).toEqual([{ addressee: to(kgExpert), reason: 'ANSWER_ACCEPTED' }]);
    });

    it('does not tell the author of their own answer to their own question', () => {
      const story = question();
      const answered = story.decide(questionDecider, kzExpert, {
        type: 'AnswerQuestion',
        questionId: 'q-1',
        answerId: 'a-1',
        body: 'We found out ourselves',
      });
      expect(story.notices(answered, kzExpert, [kzExpert])).toEqual([]);
    });

    it('gives a watcher who is also the author the more specific reason, once', () => {
      const story = question();
      const answered = story.decide(questionDecider, kgExpert, {
        type: 'AnswerQuestion',
        questionId: 'q-1',
        answerId: 'a-1',
        body: 'Through the IAN system',
      });
      expect(story.notices(answered, kgExpert, [watcher, kzExpert, kgExpert])).toEqual([
        { addressee: to(kzExpert), reason: 'ANSWER_RECEIVED' },
        { addressee: to(watcher), reason: 'WATCHED_ITEM' },
      ]);
    });

    it('tells watchers of a reopening, now an activity of its own', () => {
      const story = question();
      story.decide(questionDecider, kzExpert, { type: 'CloseQuestion', questionId: 'q-1' });
      const reopened = story.decide(questionDecider, SECRETARIAT, { type: 'ReopenQuestion', questionId: 'q-1' });
      expect(story.notices(reopened, SECRETARIAT, [watcher, kzExpert])).toEqual([
        { addressee: to(watcher), reason: 'WATCHED_ITEM' },
        { addressee: to(kzExpert), reason: 'WATCHED_ITEM' },
      ]);
    });
  });

  describe('practices', () => {
    it('tells the author that another country adopted the practice, and watchers of every activity', () => {
      const story = practice();
      const adopted = story.decide(practiceDecider, tjExpert, { type: 'AdoptPractice', practiceId: 'p-1' });
      expect(story.notices(adopted, tjExpert, [watcher, tjExpert])).toEqual([
        { addressee: to(kzExpert), reason: 'PRACTICE_ADOPTED' },
        { addressee: to(watcher), reason: 'WATCHED_ITEM' },
      ]);
      const revised = story.decide(practiceDecider, kzExpert, {
        type: 'RevisePractice',
        practiceId: 'p-1',
        expectedVersion: 2,
        title: 'Tailings dam inspections, revised',
      });
      expect(story.notices(revised, kzExpert, [watcher])).toEqual([{ addressee: to(watcher), reason: 'WATCHED_ITEM' }]);
      const withdrawn = story.decide(practiceDecider, kzExpert, {
        type: 'WithdrawPractice',
        practiceId: 'p-1',
        reason: 'Outdated',
      });
      expect(story.notices(withdrawn, kzExpert, [watcher])).toEqual([
        { addressee: to(watcher), reason: 'WATCHED_ITEM' },
      ]);
    });
  });

  describe('comments', () => {
    const comment = (story: Story, actor: Participant, commentId: string, extra: object = {}) =>
      story.decide(discussionDecider, actor, {
        type: 'PostComment',
        itemId: 'p-1',
        itemKind: 'PRACTICE',
        commentId,
        body: 'A comment',
        ...extra,
      });

    it('tells the author of the comment replied to, and each participant mentioned', () => {
      const story = practice();
      comment(story, kgExpert, 'c-1');
      const reply = comment(story, tjExpert, 'c-2', { replyTo: 'c-1', mentions: [kzFocalPoint, kgFocalPoint] });
      expect(story.notices(reply, tjExpert, [watcher])).toEqual([
        { addressee: to(kgExpert), reason: 'REPLY' },
        { addressee: to(kzFocalPoint), reason: 'MENTION' },
        { addressee: to(kgFocalPoint), reason: 'MENTION' },
        { addressee: to(watcher), reason: 'WATCHED_ITEM' },
      ]);
    });

    it('gives one reason to someone replied to and mentioned at once, and none to the commenter', () => {
      const story = practice();
      comment(story, kgExpert, 'c-1');
      comment(story, tjExpert, 'c-2');
      const reply = comment(story, kgExpert, 'c-3', { replyTo: 'c-2', mentions: [tjExpert, kgExpert] });
      expect(story.notices(reply, kgExpert)).toEqual([{ addressee: to(tjExpert), reason: 'REPLY' }]);
      const selfReply = comment(story, kgExpert, 'c-4', { replyTo: 'c-1' });
      expect(story.notices(selfReply, kgExpert, [kgExpert])).toEqual([]);
    });

    it('notifies nobody of an edit or a retraction', () => {
      const story = practice();
      comment(story, kgExpert, 'c-1');
      const edited = story.decide(discussionDecider, kgExpert, {
        type: 'EditComment',
        itemId: 'p-1',
        commentId: 'c-1',
        body: 'An edited comment',
      });
      expect(story.notices(edited, kgExpert, [watcher])).toEqual([]);
    });
  });

  it("notifies nobody of a participant's own events", () => {
    const story = practice();
    const [watched] = participantDecider.decide(
      {
        type: 'WatchItem',
        participantId: watcher.id,
        itemId: 'p-1',
        itemKind: 'PRACTICE',
        watching: true,
        actor: watcher,
        now: minutesAfterNow(9),
      },
      participantDecider.initialState(),
    );
    expect(story.notices(watched!, watcher, [kzExpert])).toEqual([]);
  });
});

describe('addressees', () => {
  it("put a viewer in their own country's groups by their current roles", () => {
    expect(addresseesOf(kgFocalPoint)).toEqual([
      to(kgFocalPoint),
      { to: 'COUNTRY', country: 'KG' },
      { to: 'FOCAL_POINTS', country: 'KG' },
    ]);
    expect(addresseesOf(kgExpert)).toEqual([to(kgExpert), { to: 'COUNTRY', country: 'KG' }]);
    expect(addresseesOf(SECRETARIAT)).toEqual([to(SECRETARIAT)]);
  });

  it.each([
    [{ to: 'FOCAL_POINTS', country: 'KG' } as const, [kgFocalPoint]],
    [{ to: 'COUNTRY', country: 'KG' } as const, [kgFocalPoint, kgExpert]],
    [{ to: 'PARTICIPANT', participantId: kgExpert.id } as const, [kgExpert]],
  ])('%j reaches exactly its own', (addressee, reached) => {
    const everyone = [kgFocalPoint, kgExpert, kzFocalPoint, tjExpert, SECRETARIAT];
    expect(
      everyone.filter((viewer) =>
        addresseesOf(viewer).some((own) => JSON.stringify(own) === JSON.stringify(addressee)),
      ),
    ).toEqual(reached);
  });
});

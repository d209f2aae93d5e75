/**
 * A realistic log for the rebuild and start scenarios: years of the network's
 * activity across its 16 countries and 4 subregions, written through the real
 * deciders and command handler into the SQLite store, so every event (hash
 * chain included) is exactly what the service would have written.
 *
 * What happens is drawn from `ACTIVITY`, a table of weighted recipes: each
 * picks who acts on what from a small model of the network (who may see which
 * item, which questions are open, which proposals await a review), runs the
 * command, and updates the model. Each recipe draws only commands its decider
 * accepts, so a draw writes one event, or none when a revision happens to
 * draw the text it replaces (the loop then draws again). A new kind of
 * activity is one more row; a change to the table or to a recipe bumps
 * `GENERATOR_VERSION`, which keys the cached logs.
 */
import { randomUUID } from 'node:crypto';
import { CommandHandler } from '@coop/application';
import {
  type Aggregate,
  type Audience,
  COUNTRY_CODES,
  type CountryCode,
  canSee,
  countriesIn,
  discussionAggregate,
  type ItemKind,
  type Participant,
  practiceAggregate,
  proposalAggregate,
  questionAggregate,
  type StoredEvent,
  SUBREGIONS,
  subregionOfCountry,
  TOPICS,
  type VisibilityItem,
} from '@coop/domain';
import type { EventStore } from '@coop/event-store';

export const GENERATOR_VERSION = 1;

/** A seeded generator (mulberry32), so a version of the generator draws the same network every time. */
export class Random {
  constructor(private state: number) {}

  /** In [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  below(bound: number): number {
    return Math.floor(this.next() * bound);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(values: readonly T[]): T {
    return values[this.below(values.length)] as T;
  }

  /** Mostly among the latest few hundred, as discussion follows what is new. */
  recent<T>(values: readonly T[]): T | undefined {
    if (values.length === 0) return undefined;
    const window = this.chance(0.75) ? Math.min(values.length, 300) : values.length;
    return values[values.length - 1 - this.below(window)];
  }

  /** `count` distinct values. */
  some<T>(values: readonly T[], count: number): T[] {
    const pool = [...values];
    const chosen: T[] = [];
    while (chosen.length < count && pool.length > 0) chosen.push(pool.splice(this.below(pool.length), 1)[0] as T);
    return chosen;
  }
}

const SENTENCES = [
  'The competent authority reviewed the inventory of hazardous activities with the operators of the establishments concerned.',
  'Tailings management facilities upstream of the river were inspected jointly by the environmental and mining inspectorates.',
  'The notification procedure under the Convention was tested with the neighbouring country during a table-top exercise.',
  'Land-use planning around the chlorine storage site now keeps a safety distance agreed with the municipality.',
  'Operators submitted safety reports that describe major-accident scenarios, their likelihood and their consequences.',
  'The UNECE Industrial Accident Notification System contact points confirmed that they receive messages at any hour.',
  'A joint field exercise simulated a release of ammonia that crossed the border with the wind.',
  'The self-assessment showed gaps in the identification of hazardous activities below the Annex I thresholds.',
  'Emergency plans of the oil terminal were aligned with the off-site plan of the regional civil protection service.',
  'The public living near the site was informed of the alarm signals and of what to do when they sound.',
  'Natech risks from floods were added to the risk assessment of the chemical plant on the lower river.',
  'Inspectors followed a checklist derived from the benchmarks for the implementation of the Convention.',
  'The action plan sets out the legislative changes, the institutions responsible and a timeline of three years.',
  'Mutual assistance arrangements were signed so that rescue teams and equipment may cross the border quickly.',
  'A hot spot analysis ranked the abandoned industrial sites by the hazard they pose to transboundary waters.',
  'Training for inspectors covered the review of safety reports and the follow-up of findings with operators.',
  'Accidental water pollution was addressed together with the river basin commission and the water authorities.',
  'The ministry prepared a draft law transposing the main requirements of the Seveso III Directive.',
  'Chemicals management at the plant improved after the introduction of an electronic inventory of substances.',
  'Consultations with the affected country covered the siting of a new ammonium nitrate storage facility.',
  'The exercise evaluation recommended clearer roles between the national and the local emergency services.',
  'Data on past accidents and near misses were collected to learn lessons and to update the prevention policy.',
  'A checklist for tailings safety helped the authority prioritise the facilities that need remediation first.',
  'Focal points of the subregion met to exchange experience on the identification of hazardous activities.',
  'The secretariat offered support for a workshop on land-use planning and industrial safety next spring.',
  'Institutional capacity was strengthened by assigning dedicated staff to the implementation of the Convention.',
  'The pipeline operator installed leak detection and automatic shut-off valves along the river crossing.',
  'Risk maps were published so that planners and the public can see the zones around hazardous installations.',
  'The response to the fire at the warehouse showed the value of pre-planned cooperation with the fire brigade.',
  'Neighbouring countries agreed to share information on hazardous activities within fifty kilometres of the border.',
] as const;

const FIRST_NAMES = ['Aigerim', 'Olena', 'Giorgi', 'Ana', 'Nurlan', 'Marija', 'Arman', 'Elena', 'Dilnoza', 'Emir'];
const LAST_NAMES = ['Petrova', 'Kovalenko', 'Beridze', 'Popescu', 'Abdullaev', 'Nikolić', 'Hakobyan', 'Hoxha'];
const PARTICIPANTS_PER_COUNTRY = 12;
const START = Date.parse('2019-03-14T09:00:00.000Z');
/** Commands come on average this far apart, so a million events span about five years. */
const MEAN_STEP_MS = 150_000;

interface ItemModel {
  readonly id: string;
  readonly kind: ItemKind;
  readonly visibility: VisibilityItem;
  readonly author: Participant;
  /** Events in the item's own stream, for the commands that pin the version. */
  version: number;
  readonly comments: { readonly id: string; readonly author: Participant; retracted: boolean }[];
}

interface PracticeModel extends ItemModel {
  readonly adoptedBy: Set<CountryCode>;
  withdrawn: boolean;
}

interface QuestionModel extends ItemModel {
  readonly answers: string[];
  accepted: string | null;
  closed: boolean;
}

type ProposalStatus = 'DRAFT' | 'SUBMITTED' | 'CHANGES_REQUESTED' | 'ENDORSED' | 'DECLINED' | 'WITHDRAWN';

interface ProposalModel extends ItemModel {
  readonly partners: Map<CountryCode, 'INVITED' | 'JOINED' | 'DECLINED'>;
  status: ProposalStatus;
}

/** Who is in the network and what it has done so far, as far as choosing the next command needs. */
export class Network {
  readonly participants = new Map<CountryCode, Participant[]>();
  readonly focalPoints = new Map<CountryCode, Participant[]>();
  readonly secretariat: Participant[];
  readonly items: ItemModel[] = [];
  readonly practices: PracticeModel[] = [];
  readonly questions: QuestionModel[] = [];
  readonly proposals: ProposalModel[] = [];

  constructor(readonly random: Random) {
    for (const country of COUNTRY_CODES) {
      const people = Array.from({ length: PARTICIPANTS_PER_COUNTRY }, (_, index) => this.person(country, index));
      this.participants.set(country, people);
      this.focalPoints.set(
        country,
        people.slice(0, 2).map((person) => ({ ...person, roles: ['PARTICIPANT', 'FOCAL_POINT'] })),
      );
    }
    this.secretariat = [0, 1, 2].map((index) => ({
      id: `secretariat-${index}`,
      name: `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`,
      country: null,
      roles: ['SECRETARIAT'],
    }));
  }

  /** Someone of `country` who may act for it, now and then a focal point. */
  memberOf(country: CountryCode): Participant {
    return this.random.chance(0.2)
      ? this.random.pick(this.focalPoints.get(country) ?? [])
      : this.random.pick(this.participants.get(country) ?? []);
  }

  /** A participant who sees `item`, of another country when `otherCountry`; undefined when none does. */
  viewerOf(item: VisibilityItem, otherCountry = false): Participant | undefined {
    for (let attempt = 0; attempt < 8; attempt += 1) {
      const country = this.random.pick(COUNTRY_CODES);
      if (otherCountry && country === item.country) continue;
      const viewer = this.memberOf(country);
      if (canSee(viewer, item)) return viewer;
    }
    return undefined;
  }

  text(minLength: number, maxLength: number): string {
    const length = minLength + this.random.below(maxLength - minLength);
    let text = this.random.pick(SENTENCES);
    while (text.length < length) text += ` ${this.random.pick(SENTENCES)}`;
    return text.slice(0, maxLength).trimEnd();
  }

  title(): string {
    return this.random.pick(SENTENCES).split(/[,.]/)[0]?.slice(0, 120) ?? 'A practice';
  }

  topics(): string[] {
    return this.random.some(TOPICS, 1 + this.random.below(3));
  }

  audienceFor(country: CountryCode): Audience {
    const draw = this.random.next();
    if (draw < 0.5) return { scope: 'NETWORK', subregions: [], countries: [] };
    if (draw < 0.85) {
      const subregions = new Set([subregionOfCountry(country), ...this.random.some(SUBREGIONS, this.random.below(2))]);
      return { scope: 'SUBREGIONS', subregions: SUBREGIONS.filter((one) => subregions.has(one)), countries: [] };
    }
    const others = COUNTRY_CODES.filter((other) => other !== country);
    return { scope: 'COUNTRIES', subregions: [], countries: this.random.some(others, 1 + this.random.below(3)) };
  }

  /** A fresh id: random, as the API's are, since nothing replays the draw by id. */
  id(): string {
    return randomUUID();
  }

  private person(country: CountryCode, index: number): Participant {
    return {
      id: `${country.toLowerCase()}-${index}`,
      name: `${this.random.pick(FIRST_NAMES)} ${this.random.pick(LAST_NAMES)}`,
      country,
      roles: ['PARTICIPANT'],
    };
  }
}

/** One command drawn, and what it changes in the model once written. */
export interface Draw {
  run(commands: CommandHandler, now: Date): Promise<boolean>;
  afterwards(): void;
}

/** One kind of activity: how often it happens relative to the others, and how to draw it once. */
export interface Recipe {
  readonly name: string;
  readonly weight: number;
  /**
   * A command its decider accepts, which writes one event; null when nothing
   * in the network admits it yet.
   */
  draw(network: Network): Draw | null;
}

/** The command, run through the handler as the API runs it; true when it wrote its event. */
function command<Command, Event extends StoredEvent, State>(
  aggregate: Aggregate<Command, Event, State>,
  actor: Participant,
  input: NoInfer<Command>,
  afterwards: () => void,
  expectedVersion?: number,
): Draw {
  return {
    async run(commands, now) {
      const envelope = { actor, now, command: input, correlationId: randomUUID() };
      const result = await commands.handle(
        aggregate,
        expectedVersion === undefined ? envelope : { ...envelope, expectedVersion },
      );
      // Null when a revision or an edit happened to draw the text it replaces.
      return result.position !== null;
    },
    afterwards,
  };
}

function newItem<Extra extends object>(
  network: Network,
  kind: ItemKind,
  author: Participant,
  visibility: VisibilityItem,
  extra: Extra,
): ItemModel & Extra {
  return { id: network.id(), kind, visibility, author, version: 1, comments: [], ...extra };
}

const UNDECIDED: readonly ProposalStatus[] = ['DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED'];

/** The share of events of each kind, roughly as a year of the network's activity would have them. */
export const ACTIVITY: readonly Recipe[] = [
  {
    name: 'share a practice',
    weight: 7,
    draw(network) {
      const country = network.random.pick(COUNTRY_CODES);
      const author = network.memberOf(country);
      const audience = network.audienceFor(country);
      const visibility = { country, audience, partnerCountries: [] };
      const practice = newItem(network, 'PRACTICE', author, visibility, {
        adoptedBy: new Set<CountryCode>(),
        withdrawn: false,
      });
      const share = {
        type: 'SharePractice',
        practiceId: practice.id,
        title: network.title(),
        summary: network.text(150, 600),
        body: network.text(800, 3_000),
        topics: network.topics(),
        audience,
      } as const;
      return command(practiceAggregate, author, share, () => {
        network.practices.push(practice);
        network.items.push(practice);
      });
    },
  },
  {
    name: 'revise a practice',
    weight: 4,
    draw(network) {
      const practice = network.random.recent(network.practices);
      if (practice === undefined || practice.withdrawn) return null;
      const revise = {
        type: 'RevisePractice',
        practiceId: practice.id,
        expectedVersion: practice.version,
        summary: network.text(150, 600),
        body: network.random.chance(0.5) ? network.text(800, 3_000) : null,
      } as const;
      return command(practiceAggregate, practice.author, revise, () => (practice.version += 1), practice.version);
    },
  },
  {
    name: 'adopt a practice',
    weight: 5,
    draw(network) {
      const practice = network.random.recent(network.practices);
      if (practice === undefined || practice.withdrawn) return null;
      const adopter = network.viewerOf(practice.visibility, true);
      const country = adopter?.country;
      if (adopter === undefined || country == null || practice.adoptedBy.has(country)) return null;
      const note = network.random.chance(0.6) ? network.text(80, 400) : null;
      return command(practiceAggregate, adopter, { type: 'AdoptPractice', practiceId: practice.id, note }, () => {
        practice.adoptedBy.add(country);
        practice.version += 1;
      });
    },
  },
  {
    name: 'withdraw a practice',
    weight: 0.5,
    draw(network) {
      const practice = network.random.recent(network.practices);
      if (practice === undefined || practice.withdrawn) return null;
      const withdraw = { type: 'WithdrawPractice', practiceId: practice.id, reason: network.text(40, 200) } as const;
      return command(practiceAggregate, practice.author, withdraw, () => {
        practice.withdrawn = true;
        practice.version += 1;
      });
    },
  },
  {
    name: 'ask a question',
    weight: 6,
    draw(network) {
      const country = network.random.pick(COUNTRY_CODES);
      const author = network.memberOf(country);
      const audience = network.audienceFor(country);
      const visibility = { country, audience, partnerCountries: [] };
      const question = newItem(network, 'QUESTION', author, visibility, {
        answers: [] as string[],
        accepted: null as string | null,
        closed: false,
      });
      const ask = {
        type: 'AskQuestion',
        questionId: question.id,
        title: `${network.title()}?`,
        body: network.text(300, 1_500),
        topics: network.topics(),
        audience,
      } as const;
      return command(questionAggregate, author, ask, () => {
        network.questions.push(question);
        network.items.push(question);
      });
    },
  },
  {
    name: 'answer a question',
    weight: 12,
    draw(network) {
      const question = network.random.recent(network.questions);
      if (question === undefined || question.closed) return null;
      const answerer = network.viewerOf(question.visibility);
      if (answerer === undefined) return null;
      const answerId = network.id();
      const answer = {
        type: 'AnswerQuestion',
        questionId: question.id,
        answerId,
        body: network.text(200, 1_800),
      } as const;
      return command(questionAggregate, answerer, answer, () => {
        question.answers.push(answerId);
        question.version += 1;
      });
    },
  },
  {
    name: 'accept an answer',
    weight: 3,
    draw(network) {
      const question = network.random.recent(network.questions);
      if (question === undefined || question.closed) return null;
      const answerId = network.random.recent(question.answers);
      if (answerId === undefined || answerId === question.accepted) return null;
      const accept = { type: 'AcceptAnswer', questionId: question.id, answerId } as const;
      return command(questionAggregate, question.author, accept, () => {
        question.accepted = answerId;
        question.version += 1;
      });
    },
  },
  {
    name: 'close a question',
    weight: 1.5,
    draw(network) {
      const question = network.random.recent(network.questions);
      if (question === undefined || question.closed || question.answers.length === 0) return null;
      const reason = network.random.chance(0.5) ? network.text(40, 200) : null;
      return command(
        questionAggregate,
        question.author,
        { type: 'CloseQuestion', questionId: question.id, reason },
        () => {
          question.closed = true;
          question.version += 1;
        },
      );
    },
  },
  {
    name: 'propose a joint project',
    weight: 2.5,
    draw(network) {
      const country = network.random.pick(COUNTRY_CODES);
      const lead = network.random.pick(network.focalPoints.get(country) ?? []);
      // Partners mostly from the lead's own subregion.
      const near = countriesIn(subregionOfCountry(country)).filter((other) => other !== country);
      const far = COUNTRY_CODES.filter((other) => other !== country && !near.includes(other));
      const partnerCountries = [
        ...network.random.some(near, 1 + network.random.below(2)),
        ...network.random.some(far, network.random.below(2)),
      ];
      const audience = network.audienceFor(country);
      const proposal = newItem(
        network,
        'PROPOSAL',
        lead,
        { country, audience, partnerCountries },
        {
          partners: new Map(partnerCountries.map((partner) => [partner, 'INVITED' as const])),
          status: 'DRAFT' as ProposalStatus,
        },
      );
      const propose = {
        type: 'ProposeJointProject',
        proposalId: proposal.id,
        title: network.title(),
        objectives: network.text(800, 3_000),
        topics: network.topics(),
        durationMonths: 6 + network.random.below(31),
        partnerCountries,
        audience,
      } as const;
      return command(proposalAggregate, lead, propose, () => {
        network.proposals.push(proposal);
        network.items.push(proposal);
      });
    },
  },
  {
    name: 'respond to an invitation',
    weight: 5,
    draw(network) {
      const proposal = network.random.recent(network.proposals);
      if (proposal === undefined || !UNDECIDED.includes(proposal.status)) return null;
      const invited = [...proposal.partners].filter(([, status]) => status === 'INVITED').map(([country]) => country);
      if (invited.length === 0) return null;
      const country = network.random.pick(invited);
      const focalPoint = network.random.pick(network.focalPoints.get(country) ?? []);
      const accept = network.random.chance(0.8);
      const note = network.random.chance(0.5) ? network.text(60, 300) : null;
      const respond = { type: 'RespondToInvitation', proposalId: proposal.id, accept, note } as const;
      return command(proposalAggregate, focalPoint, respond, () => {
        proposal.partners.set(country, accept ? 'JOINED' : 'DECLINED');
        proposal.version += 1;
      });
    },
  },
  {
    name: 'submit a proposal',
    weight: 2,
    draw(network) {
      const proposal = network.random.recent(network.proposals);
      if (proposal === undefined || !['DRAFT', 'CHANGES_REQUESTED'].includes(proposal.status)) return null;
      if (![...proposal.partners.values()].includes('JOINED')) return null;
      return command(proposalAggregate, proposal.author, { type: 'SubmitProposal', proposalId: proposal.id }, () => {
        proposal.status = 'SUBMITTED';
        proposal.version += 1;
      });
    },
  },
  {
    name: 'review a proposal',
    weight: 2,
    draw(network) {
      const proposal = network.random.recent(network.proposals);
      if (proposal === undefined || proposal.status !== 'SUBMITTED') return null;
      const draw = network.random.next();
      const [decision, status] =
        draw < 0.5
          ? (['ENDORSE', 'ENDORSED'] as const)
          : draw < 0.8
            ? (['REQUEST_CHANGES', 'CHANGES_REQUESTED'] as const)
            : (['DECLINE', 'DECLINED'] as const);
      const review = {
        type: 'ReviewProposal',
        proposalId: proposal.id,
        decision,
        note: network.text(100, 800),
      } as const;
      return command(proposalAggregate, network.random.pick(network.secretariat), review, () => {
        proposal.status = status;
        proposal.version += 1;
      });
    },
  },
  {
    name: 'withdraw a proposal',
    weight: 0.3,
    draw(network) {
      const proposal = network.random.recent(network.proposals);
      if (proposal === undefined || !UNDECIDED.includes(proposal.status)) return null;
      const withdraw = { type: 'WithdrawProposal', proposalId: proposal.id, reason: network.text(40, 200) } as const;
      return command(proposalAggregate, proposal.author, withdraw, () => {
        proposal.status = 'WITHDRAWN';
        proposal.version += 1;
      });
    },
  },
  {
    name: 'comment on an item',
    weight: 45,
    draw(network) {
      const item = network.random.recent(network.items);
      if (item === undefined) return null;
      const author = network.random.chance(0.03)
        ? network.random.pick(network.secretariat)
        : network.viewerOf(item.visibility);
      if (author === undefined) return null;
      const commentId = network.id();
      const replyTo =
        item.comments.length > 0 && network.random.chance(0.4) ? network.random.pick(item.comments).id : null;
      const post = {
        type: 'PostComment',
        itemId: item.id,
        itemKind: item.kind,
        commentId,
        body: network.text(60, 900),
        replyTo,
      } as const;
      return command(discussionAggregate, author, post, () =>
        item.comments.push({ id: commentId, author, retracted: false }),
      );
    },
  },
  {
    name: 'edit a comment',
    weight: 3,
    draw(network) {
      const item = network.random.recent(network.items);
      const comment = item === undefined ? undefined : network.random.recent(item.comments);
      if (item === undefined || comment === undefined || comment.retracted) return null;
      const edit = {
        type: 'EditComment',
        itemId: item.id,
        commentId: comment.id,
        body: network.text(60, 900),
      } as const;
      return command(discussionAggregate, comment.author, edit, () => {});
    },
  },
  {
    name: 'retract a comment',
    weight: 1,
    draw(network) {
      const item = network.random.recent(network.items);
      const comment = item === undefined ? undefined : network.random.recent(item.comments);
      if (item === undefined || comment === undefined || comment.retracted) return null;
      const reason = network.text(40, 200);
      const retract = { type: 'RetractComment', itemId: item.id, commentId: comment.id, reason } as const;
      return command(discussionAggregate, comment.author, retract, () => (comment.retracted = true));
    },
  },
];

/** Picks recipes by weight. */
function drawRecipe(random: Random, recipes: readonly Recipe[], totalWeight: number): Recipe {
  let draw = random.next() * totalWeight;
  for (const recipe of recipes) {
    draw -= recipe.weight;
    if (draw < 0) return recipe;
  }
  return recipes[recipes.length - 1] as Recipe;
}

/**
 * Writes `events` events of drawn activity into `store` through the command
 * handler, one command a minute or two apart from March 2019 on; `onProgress`
 * hears of each ten thousand.
 */
export async function writeNetworkActivity(
  store: EventStore,
  events: number,
  onProgress: (written: number) => void = () => {},
  recipes: readonly Recipe[] = ACTIVITY,
): Promise<void> {
  const random = new Random(GENERATOR_VERSION);
  const network = new Network(random);
  const commands = new CommandHandler(store);
  const totalWeight = recipes.reduce((sum, recipe) => sum + recipe.weight, 0);
  let now = START;
  let written = 0;
  while (written < events) {
    const recipe = drawRecipe(random, recipes, totalWeight);
    const drawn = recipe.draw(network);
    if (drawn === null) continue;
    now += Math.round(random.next() * 2 * MEAN_STEP_MS);
    let wrote: boolean;
    try {
      wrote = await drawn.run(commands, new Date(now));
    } catch (error) {
      throw new Error(`The recipe "${recipe.name}" drew a command that failed`, { cause: error });
    }
    if (!wrote) continue;
    drawn.afterwards();
    written += 1;
    if (written % 10_000 === 0) onProgress(written);
  }
}

import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandHandler, type CommandResult } from '@coop/application';
import {
  type Aggregate,
  consultationAggregate,
  countryProfileAggregate,
  discussionAggregate,
  type ItemKind,
  type Participant,
  participantAggregate,
  practiceAggregate,
  proposalAggregate,
  questionAggregate,
  type StoredEvent,
  type UpdateCountryProfile,
} from '@coop/domain';
import {
  type AppendResult,
  chainEvents,
  type JsonObject,
  type JsonValue,
  metadataString,
  type NewEvent,
  SqliteEventStore,
} from '@coop/event-store';
import { Projector, type ProjectorOptions } from '../projector.js';
import { ReadModel } from '../read-model.js';
import { ReadModelDatabase } from '../read-model.database.js';

import { participantOfCountry, SECRETARIAT } from '@coop/domain/testing/domain.fixtures.js';

export {
  participantOfCountry as participantOf,
  focalPointOf,
  SECRETARIAT,
} from '@coop/domain/testing/domain.fixtures.js';

/** Everything the queries answer, to compare two read models built from the same log. */
export async function everyAnswer(readModel: ReadModel) {
  const feed = readModel.feedAfter(SECRETARIAT, {}, null, 10_000);
  return {
    feed,
    items: feed.map((entry) => readModel.item(SECRETARIAT, entry.itemId)),
    comments: feed.map((entry) => readModel.comments(entry.itemId, { first: 100 })),
    search: readModel.search(participantOfCountry('UA'), 'practice', { first: 100 }),
    audit: await readModel.auditTrail({}, { first: 100 }),
    stats: readModel.cooperationStats(null, null),
  };
}

const START = Date.parse('2019-03-14T09:00:00.000Z');

/**
 * A real SQLite event store and read model in a temporary folder, and the
 * application's command handler to write through. Each command happens one
 * minute after the previous one.
 */
export class ReadModelHarness {
  readonly dir = mkdtempSync(join(tmpdir(), 'read-model-'));
  readonly store = new SqliteEventStore(join(this.dir, 'events.sqlite'));
  readonly readModelFile = join(this.dir, 'read-model.sqlite');
  readonly commands = new CommandHandler(this.store);
  private minutes = 0;
  private readonly opened: { database: ReadModelDatabase; projector: Projector }[] = [];

  /** The instant of the next command. */
  now(): Date {
    this.minutes += 1;
    return new Date(START + this.minutes * 60_000);
  }

  /** Opens the read model file and a projector on it (not started). */
  open(options: ProjectorOptions & { projectionVersion?: number } = {}) {
    const database = ReadModelDatabase.open(this.readModelFile, options);
    const projector = new Projector(this.store, database, options);
    this.opened.push({ database, projector });
    return { database, projector, readModel: new ReadModel(database, this.store) };
  }

  /** Opens, starts and waits until the read model holds every event appended so far. */
  async openCaughtUp(options: ProjectorOptions & { projectionVersion?: number } = {}) {
    const opened = this.open(options);
    opened.projector.start();
    await this.caughtUp(opened.projector);
    return opened;
  }

  async caughtUp(projector: Projector): Promise<void> {
    const [head] = await this.store.readAll({ direction: 'backwards', limit: 1 });
    if (head !== undefined) await projector.waitFor(head.position, 10_000);
  }

  async closeReadModels(): Promise<void> {
    for (const { database, projector } of this.opened.splice(0)) {
      await projector.stop();
      await database.close();
    }
  }

  async dispose(): Promise<void> {
    await this.closeReadModels();
    await this.store.close();
    rmSync(this.dir, { recursive: true, force: true });
  }

  async share(
    actor: Participant,
    input: { title: string; summary?: string; body?: string; topics?: string[]; audience?: Audience },
  ) {
    const practiceId = randomUUID();
    await this.run(practiceAggregate, actor, {
      type: 'SharePractice',
      practiceId,
      title: input.title,
      summary: input.summary ?? 'A summary',
      body: input.body ?? 'A body',
      topics: input.topics ?? ['PREVENTION'],
      audience: input.audience ?? { scope: 'NETWORK' },
    });
    return practiceId;
  }

  async ask(actor: Participant, input: { title: string; body?: string; topics?: string[]; audience?: Audience }) {
    const questionId = randomUUID();
    await this.run(questionAggregate, actor, {
      type: 'AskQuestion',
      questionId,
      title: input.title,
      body: input.body ?? 'A question body',
      topics: input.topics ?? ['PREPAREDNESS'],
      audience: input.audience ?? { scope: 'NETWORK' },
    });
    return questionId;
  }

  async propose(
    actor: Participant,
    input: { title: string; partnerCountries: string[]; audience?: Audience; topics?: string[] },
  ) {
    const proposalId = randomUUID();
    await this.run(proposalAggregate, actor, {
      type: 'ProposeJointProject',
      proposalId,
      title: input.title,
      objectives: 'Joint objectives',
      topics: input.topics ?? ['TRAINING'],
      durationMonths: 12,
      partnerCountries: input.partnerCountries,
      audience: input.audience ?? null,
    });
    return proposalId;
  }

  /** A consultation due a week after the harness's start. */
  async consult(
    actor: Participant,
    input: { title: string; consultedCountries: string[]; body?: string; audience?: Audience; topics?: string[] },
  ) {
    const consultationId = randomUUID();
    await this.run(consultationAggregate, actor, {
      type: 'RequestConsultation',
      consultationId,
      title: input.title,
      hazardousActivity: 'Tailings management facility',
      location: 'On a transboundary river',
      body: input.body ?? 'A consultation body',
      topics: input.topics ?? ['TAILINGS_SAFETY'],
      consultedCountries: input.consultedCountries,
      respondBy: new Date(START + 7 * 24 * 3_600_000),
      audience: input.audience ?? null,
    });
    return consultationId;
  }

  updateProfile(actor: Participant, changes: Omit<UpdateCountryProfile, 'type'>) {
    return this.run(countryProfileAggregate, actor, { type: 'UpdateCountryProfile', ...changes });
  }

  async comment(actor: Participant, itemId: string, itemKind: ItemKind, body: string) {
    const commentId = randomUUID();
    await this.run(discussionAggregate, actor, {
      type: 'PostComment',
      itemId,
      itemKind,
      commentId,
      body,
    });
    return commentId;
  }

  /** The participant's first request: their directory entry as their token says. */
  async record(actor: Participant) {
    await this.run(participantAggregate, actor, { type: 'RecordParticipant', participantId: actor.id });
  }

  async watch(actor: Participant, itemId: string, itemKind: ItemKind, watching = true) {
    await this.run(participantAggregate, actor, {
      type: 'WatchItem',
      participantId: actor.id,
      itemId,
      itemKind,
      watching,
    });
  }

  /** `upTo`: the id of the event behind the newest notification read; null for all so far. */
  async markRead(actor: Participant, upTo: string | null) {
    await this.run(participantAggregate, actor, { type: 'MarkNotificationsRead', participantId: actor.id, upTo });
  }

  /** Runs one command through the application's command handler. */
  run<Command, Event extends StoredEvent, State>(
    aggregate: Aggregate<Command, Event, State>,
    actor: Participant,
    command: NoInfer<Command>,
  ): Promise<CommandResult> {
    return this.commands.handle(aggregate, { actor, now: this.now(), command, correlationId: randomUUID() });
  }

  /** Appends events as they are, chained like the API chains them: for events no decider would write. */
  async appendRaw(
    streamId: string,
    events: { type: string; data: JsonValue; metadata?: JsonObject }[],
  ): Promise<AppendResult> {
    const recorded = await this.store.readStream(streamId, { direction: 'backwards', limit: 1 });
    const last = recorded[0];
    const lastHash = last === undefined ? null : metadataString(last.metadata, 'hash');
    const newEvents: NewEvent[] = events.map((event) => ({
      id: randomUUID(),
      type: event.type,
      data: event.data,
      metadata: event.metadata ?? {},
    }));
    const version = last?.version ?? 0;
    return this.store.append(streamId, chainEvents(streamId, version, lastHash, newEvents), {
      expectedVersion: version,
    });
  }
}

type Audience = { scope: string; subregions?: string[]; countries?: string[] };

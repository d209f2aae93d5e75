import { randomUUID } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
// The generated protobuf modules are CommonJS that Node cannot scan for named
// exports: their values come through the default import, their types by name.
import codePb from '@eventstore/db-client/generated/code_pb.js';
import serverFeaturesGrpc from '@eventstore/db-client/generated/serverfeatures_grpc_pb.js';
import serverFeaturesPb from '@eventstore/db-client/generated/serverfeatures_pb.js';
import type { SupportedMethod, SupportedMethods } from '@eventstore/db-client/generated/serverfeatures_pb.js';
import sharedPb from '@eventstore/db-client/generated/shared_pb.js';
import type { Empty, StreamIdentifier } from '@eventstore/db-client/generated/shared_pb.js';
import statusPb from '@eventstore/db-client/generated/status_pb.js';
import type { Status } from '@eventstore/db-client/generated/status_pb.js';
import streamsGrpc from '@eventstore/db-client/generated/streams_grpc_pb.js';
import streamsPb from '@eventstore/db-client/generated/streams_pb.js';
import type {
  AppendReq,
  AppendResp,
  BatchAppendReq,
  BatchAppendResp,
  ReadReq,
  ReadResp,
} from '@eventstore/db-client/generated/streams_pb.js';
import anyPb from 'google-protobuf/google/protobuf/any_pb.js';
import emptyPb from 'google-protobuf/google/protobuf/empty_pb.js';
import {
  DoubleLog,
  comparePositions,
  isVisibleInAll,
  positionJustAfter,
  type AppendOutcome,
  type ExpectedRevision,
  type LogPosition,
  type LogRecord,
  type ProposedEvent,
  type ReadFrom,
  type RecordFilter,
} from './eventstoredb-double.log.js';

export interface EventStoreDbDoubleOptions {
  /** The server's `MaxAppendSize` (protobuf size of an append's events); EventStoreDB's default is 1 MiB. */
  readonly maxAppendSize?: number;
  /**
   * Serve and advertise `BatchAppend`, as servers from 21.10 do; the client
   * then appends through it. Without it the client falls back to `Append`.
   */
  readonly batchAppend?: boolean;
}

const DEFAULT_MAX_APPEND_SIZE = 1024 * 1024;
/**
 * The server's page of `$all` (its `ReadBatchSize`): a filtered read looks at
 * this many records per page unless the filter sets another search window,
 * and returns at most this many matching events per page.
 */
const READ_BATCH_SIZE = 32;
const SHUTDOWN_GRACE_MS = 2000;
const SERVER_VERSION = '23.10.0';

const unavailable = (): Partial<grpc.StatusObject> => ({
  code: grpc.status.UNAVAILABLE,
  details: 'Server is shutting down.',
});

/**
 * A test-only stand-in for a single EventStoreDB node over real gRPC, speaking
 * the protocol of the `@eventstore/db-client` service definitions: reads,
 * appends (`Append` and `BatchAppend`), catch-up subscriptions to `$all` with
 * server-side filters, and server features. Its data survive `stop()` and
 * `start()`, which reuse the port, so a test can restart "the server".
 */
export class EventStoreDbDouble {
  private readonly log = new DoubleLog();
  private readonly maxAppendSize: number;
  private readonly batchAppend: boolean;
  private server: grpc.Server | undefined;
  private boundPort: number | undefined;
  /** Ends each in-flight call with UNAVAILABLE, as a node going down does. */
  private readonly inFlight = new Set<() => void>();

  private constructor(options: EventStoreDbDoubleOptions) {
    this.maxAppendSize = options.maxAppendSize ?? DEFAULT_MAX_APPEND_SIZE;
    this.batchAppend = options.batchAppend ?? true;
  }

  /** Starts a fresh, empty node on an ephemeral loopback port. */
  static async start(options: EventStoreDbDoubleOptions = {}): Promise<EventStoreDbDouble> {
    const double = new EventStoreDbDouble(options);
    await double.start();
    return double;
  }

  get port(): number {
    if (this.boundPort === undefined) throw new Error('The double has never been started');
    return this.boundPort;
  }

  get connectionString(): string {
    return `esdb://127.0.0.1:${this.port}?tls=false`;
  }

  /** (Re)starts on the port of the first start, keeping the data. */
  async start(): Promise<void> {
    if (this.server !== undefined) throw new Error('The double is already running');
    const server = new grpc.Server({ 'grpc.max_receive_message_length': 17 * 1024 * 1024 });
    const streams: grpc.UntypedServiceImplementation = {
      read: (call: grpc.ServerWritableStream<ReadReq, ReadResp>) => this.read(call),
      append: (call: grpc.ServerReadableStream<AppendReq, AppendResp>, callback: grpc.sendUnaryData<AppendResp>) =>
        this.append(call, callback),
    };
    if (this.batchAppend) {
      streams['batchAppend'] = (call: grpc.ServerDuplexStream<BatchAppendReq, BatchAppendResp>) =>
        this.serveBatchAppend(call);
    }
    server.addService(streamsGrpc.StreamsService, streams);
    server.addService(serverFeaturesGrpc.ServerFeaturesService, {
      getSupportedMethods: (
        _call: grpc.ServerUnaryCall<Empty, SupportedMethods>,
        callback: grpc.sendUnaryData<SupportedMethods>,
      ) => callback(null, this.supportedMethods()),
    });
    this.boundPort = await new Promise<number>((resolve, reject) =>
      server.bindAsync(`127.0.0.1:${this.boundPort ?? 0}`, grpc.ServerCredentials.createInsecure(), (error, port) =>
        error ? reject(error) : resolve(port),
      ),
    );
    this.server = server;
    this.log.writeEpoch();
  }

  /** Goes down as a node does: every open call ends with UNAVAILABLE, then connections close. */
  async stop(): Promise<void> {
    const server = this.server;
    if (server === undefined) return;
    this.server = undefined;
    for (const end of [...this.inFlight]) end();
    await new Promise<void>((resolve) => {
      // A client that stopped reading can hold a graceful shutdown open forever.
      const force = setTimeout(() => server.forceShutdown(), SHUTDOWN_GRACE_MS);
      server.tryShutdown(() => {
        clearTimeout(force);
        resolve();
      });
    });
  }

  private supportedMethods(): SupportedMethods {
    const method = (serviceName: string, methodName: string): SupportedMethod =>
      new serverFeaturesPb.SupportedMethod().setServiceName(serviceName).setMethodName(methodName);
    const streams = 'event_store.client.streams.Streams';
    const methods = [
      method(streams, 'Read'),
      method(streams, 'Append'),
      method('event_store.client.server_features.ServerFeatures', 'GetSupportedMethods'),
    ];
    if (this.batchAppend) methods.push(method(streams, 'BatchAppend'));
    return new serverFeaturesPb.SupportedMethods().setEventStoreServerVersion(SERVER_VERSION).setMethodsList(methods);
  }

  private track(end: () => void): () => void {
    this.inFlight.add(end);
    return () => this.inFlight.delete(end);
  }

  private read(call: grpc.ServerWritableStream<ReadReq, ReadResp>): void {
    const options = call.request.getOptions();
    if (options === undefined) {
      call.emit('error', { code: grpc.status.INVALID_ARGUMENT, details: 'Read options are required.' });
      return;
    }
    const filter = toFilter(options);
    if (options.hasSubscription()) {
      const all = options.getAll();
      if (all === undefined) {
        call.emit('error', { code: grpc.status.UNIMPLEMENTED, details: 'The double only subscribes to $all.' });
        return;
      }
      const subscription = new AllSubscription(this.log, call, allReadFrom(all), filter);
      const untrack = this.track(() => {
        subscription.close();
        call.emit('error', unavailable());
      });
      call.on('cancelled', () => {
        subscription.close();
        untrack();
      });
      call.on('finish', untrack);
      return;
    }

    const direction =
      options.getReadDirection() === streamsPb.ReadReq.Options.ReadDirection.BACKWARDS ? 'backwards' : 'forwards';
    const count = BigInt(options.getCount());
    const stream = options.getStream();
    if (stream !== undefined && filter !== undefined) {
      call.emit('error', { code: grpc.status.INVALID_ARGUMENT, details: 'Stream reads take no filter.' });
      return;
    }
    if (stream !== undefined) {
      const streamName = streamNameOf(stream.getStreamIdentifier());
      const from: ReadFrom<bigint> = stream.hasRevision()
        ? BigInt(stream.getRevision())
        : stream.hasEnd()
          ? 'end'
          : 'start';
      const records = this.log.readStream(streamName, from, direction, count);
      if (records === undefined) {
        const notFound = new streamsPb.ReadResp.StreamNotFound().setStreamIdentifier(streamIdentifier(streamName));
        call.write(new streamsPb.ReadResp().setStreamNotFound(notFound));
      } else {
        for (const record of records) call.write(readEvent(record));
      }
      call.end();
      return;
    }
    const all = options.getAll();
    if (all === undefined) {
      call.emit('error', { code: grpc.status.INVALID_ARGUMENT, details: 'A read names a stream or $all.' });
      return;
    }
    for (const record of this.log.readAll(allReadFrom(all), direction, count, filter?.accepts ?? isVisibleInAll))
      call.write(readEvent(record));
    call.end();
  }

  private append(
    call: grpc.ServerReadableStream<AppendReq, AppendResp>,
    callback: grpc.sendUnaryData<AppendResp>,
  ): void {
    let options: AppendReq.Options | undefined;
    const messages: AppendReq.ProposedMessage[] = [];
    let settled = false;
    const settle = (error: Partial<grpc.StatusObject> | null, response?: AppendResp): void => {
      if (settled) return;
      settled = true;
      untrack();
      callback(error, response);
    };
    const untrack = this.track(() => settle(unavailable()));
    call.on('data', (request: AppendReq) => {
      if (request.hasOptions()) options = request.getOptions();
      const message = request.getProposedMessage();
      if (message !== undefined) messages.push(message);
    });
    call.on('error', () => untrack());
    call.on('end', () => {
      if (options === undefined)
        return settle({ code: grpc.status.INVALID_ARGUMENT, details: 'Append options come first.' });
      const size = messages.reduce((sum, message) => sum + message.serializeBinary().length, 0);
      if (size > this.maxAppendSize) {
        const metadata = new grpc.Metadata();
        metadata.set('exception', 'maximum-append-size-exceeded');
        metadata.set('maximum-append-size', String(this.maxAppendSize));
        return settle({
          code: grpc.status.INVALID_ARGUMENT,
          details: `Maximum Append Size of ${this.maxAppendSize} Exceeded.`,
          metadata,
        });
      }
      const events = proposedEvents(messages);
      if (events === undefined) return settle({ code: grpc.status.INVALID_ARGUMENT, details: 'Event ids are UUIDs.' });
      const expected = appendExpected(options);
      const outcome = this.log.append(streamNameOf(options.getStreamIdentifier()), expected, events);
      settle(null, appendResponse(outcome, expected));
    });
  }

  private serveBatchAppend(call: grpc.ServerDuplexStream<BatchAppendReq, BatchAppendResp>): void {
    const pending = new Map<string, { options: BatchAppendReq.Options; messages: BatchAppendReq.ProposedMessage[] }>();
    const untrack = this.track(() => call.emit('error', unavailable()));
    call.on('cancelled', () => untrack());
    call.on('finish', () => untrack());
    call.on('end', () => call.end());
    call.on('data', (request: BatchAppendReq) => {
      const correlationId = request.getCorrelationId();
      const key = correlationId?.getString() ?? '';
      const options = request.getOptions();
      let batch = pending.get(key);
      if (batch === undefined) {
        if (options === undefined) {
          call.emit('error', {
            code: grpc.status.INVALID_ARGUMENT,
            details: 'The first request of a batch carries its options.',
          });
          return;
        }
        batch = { options, messages: [] };
        pending.set(key, batch);
      }
      batch.messages.push(...request.getProposedMessagesList());
      if (!request.getIsFinal()) return;
      pending.delete(key);

      const streamName = streamNameOf(batch.options.getStreamIdentifier());
      const response = new streamsPb.BatchAppendResp()
        .setCorrelationId(correlationId)
        .setStreamIdentifier(streamIdentifier(streamName));
      const expected = batchExpected(batch.options);
      switch (expected.kind) {
        case 'any':
          response.setAny(new emptyPb.Empty());
          break;
        case 'noStream':
          response.setNoStream(new emptyPb.Empty());
          break;
        case 'streamExists':
          response.setStreamExists(new emptyPb.Empty());
          break;
        case 'exact':
          response.setStreamPosition(expected.revision.toString());
          break;
      }
      const size = batch.messages.reduce((sum, message) => sum + message.serializeBinary().length, 0);
      const events = proposedEvents(batch.messages);
      if (size > this.maxAppendSize) {
        const details = new sharedPb.MaximumAppendSizeExceeded().setMaxappendsize(this.maxAppendSize);
        call.write(
          response.setError(
            errorStatus(
              codePb.Code.INVALID_ARGUMENT,
              'Maximum Append Size Exceeded.',
              details,
              'event_store.client.MaximumAppendSizeExceeded',
            ),
          ),
        );
        return;
      }
      if (events === undefined) {
        call.emit('error', { code: grpc.status.INVALID_ARGUMENT, details: 'Event ids are UUIDs.' });
        return;
      }
      const outcome = this.log.append(streamName, expected, events);
      if (outcome.kind === 'wrongExpectedVersion') {
        const details = new sharedPb.WrongExpectedVersion();
        if (outcome.currentRevision === undefined) details.setCurrentNoStream(new emptyPb.Empty());
        else details.setCurrentStreamRevision(outcome.currentRevision.toString());
        switch (expected.kind) {
          case 'any':
            details.setExpectedAny(new emptyPb.Empty());
            break;
          case 'noStream':
            details.setExpectedNoStream(new emptyPb.Empty());
            break;
          case 'streamExists':
            details.setExpectedStreamExists(new emptyPb.Empty());
            break;
          case 'exact':
            details.setExpectedStreamPosition(expected.revision.toString());
            break;
        }
        call.write(
          response.setError(
            errorStatus(
              codePb.Code.FAILED_PRECONDITION,
              'Wrong expected version.',
              details,
              'event_store.client.WrongExpectedVersion',
            ),
          ),
        );
        return;
      }
      const success = new streamsPb.BatchAppendResp.Success();
      if (outcome.currentRevision === undefined) success.setNoStream(new emptyPb.Empty());
      else success.setCurrentRevision(outcome.currentRevision.toString());
      if (outcome.position === undefined) success.setNoPosition(new emptyPb.Empty());
      else
        success.setPosition(
          new sharedPb.AllStreamPosition()
            .setCommitPosition(outcome.position.commit.toString())
            .setPreparePosition(outcome.position.prepare.toString()),
        );
      call.write(response.setSuccess(success));
    });
  }
}

/**
 * Streams `$all` to one subscriber as the server's subscription enumerators
 * do: confirmation, the backlog, `caught_up`, then every commit as it happens.
 * One cursor into the log serves catch-up and then the commits made since the
 * subscription began, so nothing falls between the two; writes respect
 * backpressure.
 *
 * A filtered subscription also reports checkpoints (its `AllSubscriptionFiltered`),
 * positions up to which every matching event has been sent, from which a
 * client can subscribe again without missing one. While catching up, the
 * server reads pages of `window` records (fewer when 32 of them match) and
 * sends a checkpoint after the page that brings the records it looked at,
 * matching or not, to `window` × the client's checkpoint interval multiplier,
 * at the start of that page or the last event sent, whichever is later; and
 * one more on reaching the end of the log, just before `caught_up`. Live, it
 * sends one at every such number of records committed since it subscribed.
 * It never sends a checkpoint before one it already sent.
 */
class AllSubscription {
  private readonly accepts: RecordFilter;
  /** Records committed from here on reach the live side. */
  private readonly liveStart: number;
  private live = false;
  private next: number;
  /** The last event or checkpoint sent towards the client: the server's `checkpoint`. Undefined from the start of the log. */
  private sent: LogPosition | undefined;
  private lastCheckpoint: LogPosition | undefined;
  private pageStart: LogPosition;
  private pageLookedAt = 0;
  private pageMatched = 0;
  private lookedAtSinceCheckpoint = 0;
  private committedSinceCheckpoint = 0;
  private blocked = false;
  private closed = false;
  private readonly stopListening: () => void;

  constructor(
    private readonly log: DoubleLog,
    private readonly call: grpc.ServerWritableStream<ReadReq, ReadResp>,
    from: ReadFrom<LogPosition>,
    private readonly filter: Filter | undefined,
  ) {
    this.accepts = filter?.accepts ?? isVisibleInAll;
    this.liveStart = log.length;
    const last = log.recordAt(log.length - 1)?.position;
    this.sent = from === 'start' ? undefined : from === 'end' ? last : from;
    this.pageStart = from === 'start' || from === 'end' ? { commit: 0n, prepare: 0n } : from;
    this.next = from === 'start' ? 0 : from === 'end' ? log.length : log.indexAtOrAfter(from);
    this.send(
      new streamsPb.ReadResp().setConfirmation(
        new streamsPb.ReadResp.SubscriptionConfirmation().setSubscriptionId(randomUUID()),
      ),
    );
    // From the end of the log, or past its last event, there is nothing to catch up.
    if (last === undefined || (this.sent !== undefined && comparePositions(this.sent, last) >= 0)) this.goLive();
    this.stopListening = log.onCommit(() => this.pump());
    this.pump();
  }

  close(): void {
    this.closed = true;
    this.stopListening();
  }

  private pump(): void {
    while (!this.closed && !this.blocked) {
      const record = this.log.recordAt(this.next);
      if (record === undefined) {
        if (this.live) return;
        if (this.filter !== undefined) this.sendCheckpoint(this.later(this.pageStart));
        this.goLive();
        continue;
      }
      this.next++;
      const matches = this.accepts(record);
      if (matches && (this.sent === undefined || comparePositions(record.position, this.sent) > 0)) {
        this.send(readEvent(record));
        this.sent = record.position;
      }
      if (this.filter === undefined) continue;
      if (this.live) {
        if (++this.committedSinceCheckpoint < this.filter.checkpointInterval) continue;
        this.committedSinceCheckpoint = 0;
        if (this.sent === undefined || comparePositions(record.position, this.sent) >= 0)
          this.sendCheckpoint(record.position);
      } else {
        this.pageLookedAt++;
        if (matches) this.pageMatched++;
        if (this.pageLookedAt === this.filter.window || this.pageMatched === READ_BATCH_SIZE) {
          this.endPage(record.position);
        }
      }
    }
  }

  /** A full page: a checkpoint if the interval is reached, and the next page goes on after `lastLookedAt`. */
  private endPage(lastLookedAt: LogPosition): void {
    const filter = this.filter as Filter;
    this.lookedAtSinceCheckpoint += this.pageLookedAt;
    if (this.lookedAtSinceCheckpoint >= filter.checkpointInterval) {
      this.lookedAtSinceCheckpoint %= filter.checkpointInterval;
      this.sendCheckpoint(this.later(this.pageStart));
    }
    this.pageStart = positionJustAfter(lastLookedAt);
    this.pageLookedAt = 0;
    this.pageMatched = 0;
  }

  /** The live side sees the commits made since the subscription began, and skips what catch-up already sent. */
  private goLive(): void {
    this.live = true;
    this.next = this.liveStart;
    this.send(new streamsPb.ReadResp().setCaughtUp(new streamsPb.ReadResp.CaughtUp()));
  }

  private later(position: LogPosition): LogPosition {
    return this.sent === undefined || comparePositions(position, this.sent) > 0 ? position : this.sent;
  }

  private sendCheckpoint(position: LogPosition): void {
    if (this.lastCheckpoint !== undefined && comparePositions(position, this.lastCheckpoint) <= 0) return;
    this.lastCheckpoint = position;
    this.sent = this.later(position);
    const checkpoint = new streamsPb.ReadResp.Checkpoint()
      .setCommitPosition(position.commit.toString())
      .setPreparePosition(position.prepare.toString());
    this.send(new streamsPb.ReadResp().setCheckpoint(checkpoint));
  }

  private send(response: ReadResp): void {
    if (this.call.write(response)) return;
    this.blocked = true;
    this.call.once('drain', () => {
      this.blocked = false;
      this.pump();
    });
  }
}

interface Filter {
  readonly accepts: RecordFilter;
  /** Records a page of a filtered catch-up looks at. */
  readonly window: number;
  /** Records looked at (catching up) or committed (live) between checkpoints: the window times the client's multiplier. */
  readonly checkpointInterval: number;
}

/**
 * The server matches a regex anywhere in the value (anchors are the
 * client's), else any of the prefixes, on top of what `$all` always leaves out.
 */
function toFilter(options: ReadReq.Options): Filter | undefined {
  const filter = options.getFilter();
  if (filter === undefined) return undefined;
  const onType = filter.hasEventType();
  const expression = onType ? filter.getEventType() : filter.getStreamIdentifier();
  const valueOf = (record: LogRecord): string => (onType ? record.type : record.streamName);
  const regex = expression?.getRegex() ?? '';
  const prefixes = expression?.getPrefixList() ?? [];
  const pattern = regex === '' ? undefined : new RegExp(regex);
  const matches = (record: LogRecord): boolean =>
    pattern !== undefined
      ? pattern.test(valueOf(record))
      : prefixes.some((prefix) => valueOf(record).startsWith(prefix));
  const window = filter.hasMax() ? filter.getMax() : READ_BATCH_SIZE;
  return {
    accepts: (record) => isVisibleInAll(record) && matches(record),
    window,
    checkpointInterval: window * Math.max(1, filter.getCheckpointintervalmultiplier()),
  };
}

function allReadFrom(all: ReadReq.Options.AllOptions): ReadFrom<LogPosition> {
  const position = all.getPosition();
  if (position !== undefined)
    return { commit: BigInt(position.getCommitPosition()), prepare: BigInt(position.getPreparePosition()) };
  return all.hasEnd() ? 'end' : 'start';
}

function appendExpected(options: AppendReq.Options): ExpectedRevision {
  if (options.hasRevision()) return { kind: 'exact', revision: BigInt(options.getRevision()) };
  if (options.hasNoStream()) return { kind: 'noStream' };
  if (options.hasStreamExists()) return { kind: 'streamExists' };
  return { kind: 'any' };
}

function batchExpected(options: BatchAppendReq.Options): ExpectedRevision {
  if (options.hasStreamPosition()) return { kind: 'exact', revision: BigInt(options.getStreamPosition()) };
  if (options.hasNoStream()) return { kind: 'noStream' };
  if (options.hasStreamExists()) return { kind: 'streamExists' };
  return { kind: 'any' };
}

function appendResponse(outcome: AppendOutcome, expected: ExpectedRevision): AppendResp {
  if (outcome.kind === 'wrongExpectedVersion') {
    const wrong = new streamsPb.AppendResp.WrongExpectedVersion();
    if (outcome.currentRevision === undefined) wrong.setCurrentNoStream(new sharedPb.Empty());
    else wrong.setCurrentRevision(outcome.currentRevision.toString());
    switch (expected.kind) {
      case 'any':
        wrong.setExpectedAny(new sharedPb.Empty());
        break;
      case 'noStream':
        wrong.setExpectedNoStream(new sharedPb.Empty());
        break;
      case 'streamExists':
        wrong.setExpectedStreamExists(new sharedPb.Empty());
        break;
      case 'exact':
        wrong.setExpectedRevision(expected.revision.toString());
        break;
    }
    return new streamsPb.AppendResp().setWrongExpectedVersion(wrong);
  }
  const success = new streamsPb.AppendResp.Success();
  if (outcome.currentRevision === undefined) success.setNoStream(new sharedPb.Empty());
  else success.setCurrentRevision(outcome.currentRevision.toString());
  if (outcome.position === undefined) success.setNoPosition(new sharedPb.Empty());
  else
    success.setPosition(
      new streamsPb.AppendResp.Position()
        .setCommitPosition(outcome.position.commit.toString())
        .setPreparePosition(outcome.position.prepare.toString()),
    );
  return new streamsPb.AppendResp().setSuccess(success);
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Undefined when an id is not a UUID; the server parses ids as GUIDs, so they come back lower-case. */
function proposedEvents(
  messages: readonly (AppendReq.ProposedMessage | BatchAppendReq.ProposedMessage)[],
): ProposedEvent[] | undefined {
  const events: ProposedEvent[] = [];
  for (const message of messages) {
    const id = message.getId()?.getString() ?? '';
    if (!UUID_PATTERN.test(id)) return undefined;
    const metadata = message.getMetadataMap();
    events.push({
      id: id.toLowerCase(),
      type: metadata.get('type') ?? '',
      contentType: metadata.get('content-type') ?? 'application/octet-stream',
      data: message.getData_asU8(),
      customMetadata: message.getCustomMetadata_asU8(),
    });
  }
  return events;
}

function readEvent(record: LogRecord): ReadResp {
  const recorded = new streamsPb.ReadResp.ReadEvent.RecordedEvent()
    .setId(new sharedPb.UUID().setString(record.id))
    .setStreamIdentifier(streamIdentifier(record.streamName))
    .setStreamRevision(record.revision.toString())
    .setCommitPosition(record.position.commit.toString())
    .setPreparePosition(record.position.prepare.toString())
    .setData(record.data)
    .setCustomMetadata(record.customMetadata);
  recorded
    .getMetadataMap()
    .set('type', record.type)
    .set('content-type', record.contentType)
    .set('created', record.createdTicks.toString());
  const event = new streamsPb.ReadResp.ReadEvent()
    .setEvent(recorded)
    .setCommitPosition(record.position.commit.toString());
  return new streamsPb.ReadResp().setEvent(event);
}

function errorStatus(
  code: codePb.Code,
  message: string,
  details: { serializeBinary(): Uint8Array },
  typeName: string,
): Status {
  const any = new anyPb.Any();
  any.pack(details.serializeBinary(), typeName);
  return new statusPb.Status().setCode(code).setMessage(message).setDetails(any);
}

function streamIdentifier(streamName: string): StreamIdentifier {
  return new sharedPb.StreamIdentifier().setStreamName(Buffer.from(streamName, 'utf8'));
}

function streamNameOf(identifier: StreamIdentifier | undefined): string {
  return Buffer.from(identifier?.getStreamName_asU8() ?? new Uint8Array()).toString('utf8');
}

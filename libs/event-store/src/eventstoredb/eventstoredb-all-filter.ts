import {
  BACKWARDS,
  END,
  EVENT_TYPE,
  START,
  excludeSystemEvents,
  streamNameFilter,
  type AllStreamResolvedEvent,
  type Direction,
  type EventStoreDBClient,
  type Filter,
  type ReadPosition,
  type RecordedEvent as EventStoreDbRecordedEvent,
} from '@eventstore/db-client';
import { ReadStream } from '@eventstore/db-client/dist/streams/utils/ReadStream.js';
import { convertGrpcEvent } from '@eventstore/db-client/dist/utils/convertGrpcEvent.js';
// The generated protobuf modules are CommonJS that Node cannot scan for named
// exports: their values come through the default import.
import sharedPb from '@eventstore/db-client/generated/shared_pb.js';
import streamsGrpc from '@eventstore/db-client/generated/streams_grpc_pb.js';
import streamsPb from '@eventstore/db-client/generated/streams_pb.js';
import type { ReadReq } from '@eventstore/db-client/generated/streams_pb.js';

/**
 * The server-side filter of every read and subscription of `$all`: the
 * store's own stream prefixes or, when every stream is its own, every event
 * type but the system ones. The server takes one filter, on stream names or
 * on event types, never both, so with prefixes the system events of the
 * store's own streams are the adapter's to skip (`isSystemEvent`).
 */
export function allFilter(streamPrefixes: readonly string[] | undefined): Filter {
  return streamPrefixes === undefined ? excludeSystemEvents() : streamNameFilter({ prefixes: [...streamPrefixes] });
}

export function isSystemEvent(event: EventStoreDbRecordedEvent): boolean {
  return event.type.startsWith('$');
}

export interface FilteredReadAll {
  readonly fromPosition: ReadPosition;
  readonly direction: Direction;
  readonly maxCount: number;
  readonly filter: Filter;
}

/**
 * `client.readAll` with a server-side filter. Client 6.2 asks for `no_filter`
 * on every read of `$all` (only its subscriptions take a filter), though the
 * server has filtered reads: the same `ReadReq`, with `count` where a
 * subscription has `subscription`, answered with up to `count` matching events
 * however many others it passes. This is the client's own `readAll` with the
 * filter set, sent over the client's connection (node discovery, TLS,
 * credentials, reconnection) and read back by the client's own stream, so its
 * events and errors are exactly those of `readAll`. It reaches the client's
 * protected request helpers; package.json pins the client's exact version.
 */
export function readAllFiltered(
  client: EventStoreDBClient,
  { fromPosition, direction, maxCount, filter }: FilteredReadAll,
): ReadStream<AllStreamResolvedEvent> {
  const all = new streamsPb.ReadReq.Options.AllOptions();
  if (fromPosition === START) all.setStart(new sharedPb.Empty());
  else if (fromPosition === END) all.setEnd(new sharedPb.Empty());
  else {
    all.setPosition(
      new streamsPb.ReadReq.Options.Position()
        .setCommitPosition(fromPosition.commit.toString(10))
        .setPreparePosition(fromPosition.prepare.toString(10)),
    );
  }
  const options = new streamsPb.ReadReq.Options()
    .setAll(all)
    .setResolveLinks(false)
    .setCount(maxCount.toString(10))
    .setUuidOption(new streamsPb.ReadReq.Options.UUIDOption().setString(new sharedPb.Empty()))
    .setFilter(filterOptions(filter))
    .setReadDirection(
      direction === BACKWARDS
        ? streamsPb.ReadReq.Options.ReadDirection.BACKWARDS
        : streamsPb.ReadReq.Options.ReadDirection.FORWARDS,
    );
  const request = new streamsPb.ReadReq().setOptions(options);
  const createStream = client['GRPCStreamCreator'](streamsGrpc.StreamsClient, 'readAll', (streams) =>
    streams.read(request, ...client['callArguments']({}, { deadline: Infinity })),
  );
  return new ReadStream<AllStreamResolvedEvent>(createStream, convertGrpcEvent, {});
}

/** As the client's `subscribeToAll` writes a filter: by prefixes or by regex, with the server's default search window. */
function filterOptions(filter: Filter): ReadReq.Options.FilterOptions {
  const expression = new streamsPb.ReadReq.Options.FilterOptions.Expression();
  if ('prefixes' in filter) expression.setPrefixList(filter.prefixes);
  else expression.setRegex(filter.regex);
  const options = new streamsPb.ReadReq.Options.FilterOptions()
    .setCount(new sharedPb.Empty())
    .setCheckpointintervalmultiplier(filter.checkpointInterval);
  return filter.filterOn === EVENT_TYPE ? options.setEventType(expression) : options.setStreamIdentifier(expression);
}

import { CommandHandler } from '@coop/application';
import type { Participant } from '@coop/domain';
import type { EventStore } from '@coop/event-store';
import type { Projector, ReadModel } from '@coop/read-model';
import { focalPointOf, participantOf, ReadModelHarness } from '@coop/read-model/testing/read-model.fixtures.js';
import pino from 'pino';
import { ItemCommandsService } from '../items/item-commands.service.js';
import { ParticipantDirectory } from './participant-directory.service.js';

const KG = participantOf('KG', 'kg-expert');

let harness: ReadModelHarness;
let readModel: ReadModel;
let projector: Projector;

beforeEach(async () => {
  harness = new ReadModelHarness();
  ({ readModel, projector } = await harness.openCaughtUp());
});

afterEach(() => harness.dispose());

/** A directory on `store` (the harness's real one, or a wrapper of it), as the service builds it. */
const directoryOn = (store: EventStore) =>
  new ParticipantDirectory(
    new ItemCommandsService(new CommandHandler(store), readModel, projector),
    readModel,
    pino({ level: 'silent' }),
  );

const context = (viewer: Participant) => ({ viewer, clientAddress: '::1', correlationId: 'c' });
const recorded = async (id: string) =>
  (await harness.store.readStream(`participant-${id}`)).filter((event) => event.type === 'ParticipantRecorded');

/** The harness's store, counting how many streams are read through it. */
function countingStore(): { store: EventStore; reads: () => number } {
  let reads = 0;
  const store = new Proxy(harness.store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (property !== 'readStream' || typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        reads += 1;
        return (value as (...parameters: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store, reads: () => reads };
}

describe('ParticipantDirectory', () => {
  it('records a participant once, however many first requests arrive together, and before they go on', async () => {
    const directory = directoryOn(harness.store);
    await Promise.all(Array.from({ length: 10 }, () => directory.seen(context(KG))));
    expect(await recorded(KG.id)).toHaveLength(1);
    expect(readModel.participantsById([KG.id]).get(KG.id)).toEqual(KG);
  });

  it('costs no store read for a participant it recorded or found recorded, until the token says otherwise', async () => {
    await directoryOn(harness.store).seen(context(KG));
    // Another instance, or this one after a restart: the read model says the participant is recorded as is.
    const { store, reads } = countingStore();
    const directory = directoryOn(store);
    for (let request = 0; request < 5; request += 1) await directory.seen(context(KG));
    expect(reads()).toBe(0);

    const promoted = { ...focalPointOf('KG', KG.id), name: KG.name };
    await directory.seen(context(promoted));
    await directory.seen(context(promoted));
    expect(reads()).toBe(1);
    expect((await recorded(KG.id)).map((event) => (event.data as { roles: unknown }).roles)).toEqual([
      ['PARTICIPANT'],
      ['PARTICIPANT', 'FOCAL_POINT'],
    ]);
  });

  it('lets the request go on when recording fails, and tries again on the next one', async () => {
    let failing = true;
    const store = new Proxy(harness.store, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver);
        if (property !== 'append' || typeof value !== 'function') return value;
        return (...args: unknown[]) =>
          failing
            ? Promise.reject(new Error('the store is down'))
            : (value as (...parameters: unknown[]) => unknown).apply(target, args);
      },
    });
    const directory = directoryOn(store);
    await expect(directory.seen(context(KG))).resolves.toBeUndefined();
    expect(await recorded(KG.id)).toHaveLength(0);
    failing = false;
    await directory.seen(context(KG));
    expect(await recorded(KG.id)).toHaveLength(1);
  });
});

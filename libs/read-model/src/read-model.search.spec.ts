import { discussionAggregate, practiceAggregate, questionAggregate } from '@coop/domain';
import type { Projector } from './projector.js';
import type { ReadModel } from './read-model.js';
import type { Page, PageArgs, SearchFilter } from './read-model.types.js';
import { focalPointOf, participantOf, ReadModelHarness, SECRETARIAT } from './testing/read-model.fixtures.js';

const KZ = participantOf('KZ');
const GE = participantOf('GE');
const UA = participantOf('UA');
const RS = participantOf('RS');

const ids = (page: Page<{ id: string }>) => page.edges.map((edge) => edge.node.id);

describe('ReadModel: search', () => {
  let harness: ReadModelHarness;
  let readModel: ReadModel;
  let projector: Projector;
  const search = (text: string, filter: SearchFilter & PageArgs = {}, viewer = SECRETARIAT): string[] =>
    ids(readModel.search(viewer, text, { first: 100, ...filter }));
  /** Waits until the read model holds everything written so far. */
  const caughtUp = (): Promise<void> => harness.caughtUp(projector);

  beforeAll(async () => {
    harness = new ReadModelHarness();
    ({ readModel, projector } = await harness.openCaughtUp());
  });

  afterAll(() => harness.dispose());

  describe('answers and comments', () => {
    let question: string;
    let practice: string;
    let hidden: string;

    beforeAll(async () => {
      question = await harness.ask(GE, { title: 'Dam monitoring', body: 'Which sensors do you use?' });
      await harness.run(questionAggregate, KZ, {
        type: 'AnswerQuestion',
        questionId: question,
        answerId: 'piezometer-answer',
        body: 'Vibrating-wire piezometers in every embankment',
      });
      practice = await harness.share(KZ, { title: 'Emergency drills', body: 'Twice a year' });
      await harness.comment(UA, practice, 'PRACTICE', 'We add a siren test with the municipality');
      await harness.comment(GE, practice, 'PRACTICE', 'Siren coverage maps help');
      hidden = await harness.share(KZ, {
        title: 'Internal note',
        audience: { scope: 'COUNTRIES', countries: ['UZ'] },
      });
      await harness.comment(KZ, hidden, 'PRACTICE', 'Siren maintenance contract');
      await caughtUp();
    });

    it('finds a question by words of one of its answers', () => {
      expect(search('piezometers')).toEqual([question]);
      expect(search('vibrating wire')).toEqual([question]);
    });

    it('finds an item by words of its comments, once however many match', () => {
      expect(search('siren', { kinds: ['PRACTICE'] }, RS)).toEqual([practice]);
      expect(search('siren', {}, SECRETARIAT)).toEqual(expect.arrayContaining([practice, hidden]));
      expect(search('siren')).toHaveLength(2);
    });

    it('keeps comments of an item the viewer may not see out of the viewer’s hits', () => {
      expect(search('maintenance', {}, RS)).toEqual([]);
      expect(search('maintenance', {}, participantOf('UZ'))).toEqual([hidden]);
    });

    it('ranks a match in an item’s title above one in a comment', async () => {
      const titled = await harness.share(RS, { title: 'Siren networks' });
      await caughtUp();
      expect(search('siren', {}, RS)).toEqual([titled, practice]);
    });
  });

  describe('what is no longer said', () => {
    it('does not find a retracted comment, nor a revised text’s old words', async () => {
      const practice = await harness.share(UA, { title: 'Flood mapping', body: 'Hydrological survey' });
      const comment = await harness.comment(GE, practice, 'PRACTICE', 'Quagmire warning');
      await harness.run(discussionAggregate, GE, {
        type: 'RetractComment',
        itemId: practice,
        commentId: comment,
        reason: 'Wrong item',
      });
      await harness.run(practiceAggregate, UA, {
        type: 'RevisePractice',
        practiceId: practice,
        expectedVersion: 1,
        body: 'Satellite survey',
      });
      await caughtUp();
      expect(search('quagmire')).toEqual([]);
      expect(search('hydrological')).toEqual([]);
      expect(search('satellite')).toEqual([practice]);
    });

    it('does not find a withdrawn practice, by its own words or its comments', async () => {
      const practice = await harness.share(UA, { title: 'Xylophone alarm', body: 'Obsolete advice' });
      await harness.comment(GE, practice, 'PRACTICE', 'Zeppelin patrols');
      await caughtUp();
      expect(search('xylophone')).toEqual([practice]);
      await harness.run(practiceAggregate, focalPointOf('UA'), {
        type: 'WithdrawPractice',
        practiceId: practice,
        reason: 'Superseded',
      });
      await harness.comment(KZ, practice, 'PRACTICE', 'Zeppelin patrols again');
      await caughtUp();
      expect(search('xylophone')).toEqual([]);
      expect(search('zeppelin')).toEqual([]);
      expect(readModel.item(SECRETARIAT, practice)).not.toBeNull();
    });
  });

  describe('filters', () => {
    let kzPractice: string;
    let geQuestion: string;
    let proposal: string;
    let consultation: string;

    beforeAll(async () => {
      const word = { body: 'Quokka protocol' };
      kzPractice = await harness.share(KZ, { title: 'Quokka practice', ...word, topics: ['PREVENTION'] });
      geQuestion = await harness.ask(GE, { title: 'Quokka question', ...word, topics: ['NOTIFICATION'] });
      proposal = await harness.propose(focalPointOf('RS'), {
        title: 'Quokka project',
        partnerCountries: ['UA'],
        topics: ['TRAINING', 'PREVENTION'],
      });
      consultation = await harness.consult(focalPointOf('KZ'), {
        title: 'Quokka consultation',
        consultedCountries: ['KG'],
        topics: ['TAILINGS_SAFETY'],
      });
      await caughtUp();
    });

    const sorted = (values: string[]) => [...values].sort();

    it('keeps the kinds asked for', () => {
      expect(sorted(search('quokka', { kinds: ['PRACTICE', 'PROPOSAL'] }))).toEqual(sorted([kzPractice, proposal]));
      expect(search('quokka', { kinds: ['CONSULTATION'] })).toEqual([consultation]);
      expect(search('quokka', { kinds: [] })).toHaveLength(4);
    });

    it('keeps items with any of the topics asked for', () => {
      expect(sorted(search('quokka', { topics: ['PREVENTION'] }))).toEqual(sorted([kzPractice, proposal]));
      expect(sorted(search('quokka', { topics: ['NOTIFICATION', 'TAILINGS_SAFETY'] }))).toEqual(
        sorted([geQuestion, consultation]),
      );
      expect(search('quokka', { topics: [] })).toHaveLength(4);
    });

    it('keeps items of the subregion’s feed', () => {
      expect(sorted(search('quokka', { subregion: 'CENTRAL_ASIA' }))).toEqual(sorted([kzPractice, consultation]));
      expect(search('quokka', { subregion: 'CAUCASUS' })).toEqual([geQuestion]);
      // A proposal is in its lead's and its partners' subregions.
      expect(search('quokka', { subregion: 'EASTERN_EUROPE' })).toEqual([proposal]);
    });

    it('combines filters, each narrowing', () => {
      expect(search('quokka', { subregion: 'CENTRAL_ASIA', kinds: ['PRACTICE'], topics: ['PREVENTION'] })).toEqual([
        kzPractice,
      ]);
      expect(search('quokka', { subregion: 'CAUCASUS', kinds: ['PRACTICE'] })).toEqual([]);
    });

    it('applies visibility inside a filter', () => {
      // The consultation is seen by KZ, KG and the secretariat only.
      expect(search('quokka', { subregion: 'CENTRAL_ASIA' }, participantOf('TJ'))).toEqual([kzPractice]);
    });
  });

  describe('paging while the network writes', () => {
    it('neither skips nor repeats a hit, and shows none written after the first page', async () => {
      // Two words, each weighing most in half of the items: which half ranks first depends on how rare each word is.
      const original: string[] = [];
      for (let n = 1; n <= 6; n += 1) {
        original.push(await harness.share(KZ, { title: `Item ${n}`, body: `walrus ${'walrus '.repeat(n)} narwhal` }));
        original.push(await harness.share(GE, { title: `Item ${n}b`, body: `walrus ${'narwhal '.repeat(n)} narwhal` }));
      }
      await caughtUp();
      const before = search('walrus narwhal');
      expect(new Set(before)).toEqual(new Set(original));

      const first = readModel.search(SECRETARIAT, 'walrus narwhal', { first: 4 });
      // Walrus becomes common and narwhal stays rare; new hits and new comments on old items come in.
      for (let n = 0; n < 12; n += 1) await harness.share(UA, { title: `Walrus colony ${n}`, body: 'walrus' });
      const added = await harness.share(UA, { title: 'Walrus and narwhal', body: 'narwhal narwhal narwhal' });
      await harness.comment(RS, original[0] as string, 'PRACTICE', 'narwhal narwhal walrus narwhal');
      await caughtUp();

      const after = search('walrus narwhal');
      expect(after).toContain(added);
      // The writes did reorder the same items for a search started now.
      expect(after.filter((id) => original.includes(id))).not.toEqual(before);

      const paged = [...ids(first)];
      let cursor = first.pageInfo.endCursor;
      for (let pages = 0; cursor !== null && pages < 10; pages += 1) {
        const page = readModel.search(SECRETARIAT, 'walrus narwhal', { first: 4, after: cursor });
        paged.push(...ids(page));
        cursor = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
        if (pages === 0) {
          await harness.share(UA, { title: 'Narwhal walrus', body: 'More' });
          await caughtUp();
        }
      }
      expect(paged).toEqual(before);
    });
  });
});

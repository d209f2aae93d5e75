import type { Participant } from '@coop/domain';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  answerQuestion,
  askQuestion,
  dataOf,
  expectFieldError,
  postComment,
  proposeJointProject,
  sharePractice,
  unique,
} from './support/api.js';
import { RETRACT_COMMENT, SEARCH, WITHDRAW_PRACTICE } from './support/documents.js';
import { cast } from './support/people.js';
import type { Connection } from './support/types.js';

const { kzExpert, kzFocalPoint, rsExpert, geExpert, uaFocalPoint, byExpert, secretariat } = cast;

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});

afterAll(async () => {
  await app?.dispose();
});

/** A word no other test writes, that the tokenizer keeps whole. */
const word = (label: string) => unique(label).replace(/[^A-Za-z0-9]/g, '');

type SearchArgs = { first?: number; after?: string | null; kinds?: string[]; topics?: string[]; subregion?: string };
const searchPage = async (who: Participant, text: string, args: SearchArgs = {}) =>
  dataOf(await app.gql<{ search: Connection<{ id: string; kind: string }> }>(who, SEARCH, { text, ...args })).search;
const search = async (who: Participant, text: string, args: SearchArgs = {}) =>
  (await searchPage(who, text, { first: 100, ...args })).edges.map((edge) => edge.node.id);
const sorted = (values: string[]) => [...values].sort();

describe('search v2', () => {
  it('finds a question by its answer and an item by its comment, the item being the hit', async () => {
    const inAnswer = word('Piezometer');
    const inComment = word('Sirencoverage');
    const question = await askQuestion(app, geExpert);
    await answerQuestion(app, kzExpert, question.id, { body: `We install ${inAnswer} sensors` });
    const practice = await sharePractice(app, kzExpert);
    await postComment(app, rsExpert, practice.id, { body: `Our ${inComment} maps` });
    await postComment(app, geExpert, practice.id, { body: `And ${inComment} drills` });

    const byAnswer = await searchPage(byExpert, inAnswer);
    expect(byAnswer.edges.map((edge) => edge.node)).toEqual([
      expect.objectContaining({ id: question.id, kind: 'QUESTION' }),
    ]);
    expect(await search(byExpert, inComment.toLowerCase())).toEqual([practice.id]);
  });

  it('does not find a retracted comment, nor a withdrawn practice by its text or its comments', async () => {
    const retracted = word('Retractedword');
    const withdrawnWord = word('Withdrawnword');
    const practice = await sharePractice(app, kzExpert);
    const comment = await postComment(app, geExpert, practice.id, { body: `A ${retracted} remark` });
    expect(await search(rsExpert, retracted)).toEqual([practice.id]);
    dataOf(await app.gql(geExpert, RETRACT_COMMENT, { id: comment.id, reason: 'Wrong thread' }));
    expect(await search(rsExpert, retracted)).toEqual([]);

    const withdrawn = await sharePractice(app, kzExpert, { title: `Advice on ${withdrawnWord}` });
    await postComment(app, geExpert, withdrawn.id, { body: `Questioning ${withdrawnWord}` });
    expect(await search(rsExpert, withdrawnWord)).toEqual([withdrawn.id]);
    dataOf(await app.gql(kzFocalPoint, WITHDRAW_PRACTICE, { id: withdrawn.id, reason: 'Superseded' }));
    expect(await search(rsExpert, withdrawnWord)).toEqual([]);
    expect(await search(secretariat, withdrawnWord)).toEqual([]);
  });

  it('keeps only the kinds, topics and subregion asked for, within what the viewer may see', async () => {
    const shared = word('Filterword');
    const kzPractice = await sharePractice(app, kzExpert, { body: shared, topics: ['PREVENTION'] });
    const geQuestion = await askQuestion(app, geExpert, { body: shared, topics: ['NOTIFICATION'] });
    const proposal = await proposeJointProject(app, kzFocalPoint, {
      objectives: shared,
      topics: ['TRAINING', 'PREVENTION'],
      partnerCountries: ['UA'],
    });
    const hidden = await sharePractice(app, kzExpert, {
      body: shared,
      topics: ['PREVENTION'],
      audience: { scope: 'COUNTRIES', countries: ['UZ'] },
    });

    expect(sorted(await search(secretariat, shared))).toEqual(
      sorted([kzPractice.id, geQuestion.id, proposal.id, hidden.id]),
    );
    expect(sorted(await search(secretariat, shared, { kinds: ['QUESTION', 'PROPOSAL'] }))).toEqual(
      sorted([geQuestion.id, proposal.id]),
    );
    expect(sorted(await search(secretariat, shared, { topics: ['PREVENTION'] }))).toEqual(
      sorted([kzPractice.id, proposal.id, hidden.id]),
    );
    expect(sorted(await search(secretariat, shared, { subregion: 'CENTRAL_ASIA' }))).toEqual(
      sorted([kzPractice.id, proposal.id, hidden.id]),
    );
    expect(await search(secretariat, shared, { subregion: 'EASTERN_EUROPE' })).toEqual([proposal.id]);
    // The partner sees the proposal; the practice for UZ only stays hidden from it.
    expect(sorted(await search(uaFocalPoint, shared, { topics: ['PREVENTION'], subregion: 'CENTRAL_ASIA' }))).toEqual(
      sorted([kzPractice.id, proposal.id]),
    );
    expect(await search(secretariat, shared, { kinds: ['PRACTICE'], subregion: 'CAUCASUS' })).toEqual([]);
    expect(sorted(await search(secretariat, shared, { kinds: [], topics: [] }))).toHaveLength(4);
  });

  it('answers an unknown filter value with a validation error', async () => {
    const response = await app.gql(rsExpert, SEARCH, { text: 'dam', kinds: ['MEMO'] });
    expect(response.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });

  it('pages without skipping or repeating a hit while items, answers and comments are added', async () => {
    const [common, rare] = [word('Walrus'), word('Narwhal')];
    const question = await askQuestion(app, geExpert, { body: `${common} ${rare}` });
    const original = [question.id];
    for (let n = 1; n <= 4; n += 1) {
      original.push((await sharePractice(app, kzExpert, { body: `${common} ${`${common} `.repeat(n)}${rare}` })).id);
      original.push((await sharePractice(app, rsExpert, { body: `${common} ${`${rare} `.repeat(n)}${rare}` })).id);
    }
    const text = `${common} ${rare}`;
    const before = await search(byExpert, text);
    expect(sorted(before)).toEqual(sorted(original));

    const first = await searchPage(byExpert, text, { first: 3 });
    const paged = first.edges.map((edge) => edge.node.id);
    let after = first.pageInfo.endCursor;
    let page = 0;
    while (after !== null) {
      // Between pages: the common word gets commoner, new hits appear, old items get answers and comments.
      for (let n = 0; n < 4; n += 1) await sharePractice(app, geExpert, { body: common });
      await sharePractice(app, geExpert, { body: `${rare} ${text}` });
      await answerQuestion(app, kzExpert, question.id, { body: `${rare} ${rare} ${common}` });
      await postComment(app, byExpert, original[page + 1] as string, { body: `${rare} ${rare} ${rare} ${common}` });
      const next = await searchPage(byExpert, text, { first: 3, after });
      paged.push(...next.edges.map((edge) => edge.node.id));
      after = next.pageInfo.hasNextPage ? next.pageInfo.endCursor : null;
      page += 1;
    }
    expect(paged).toEqual(before);
    expect((await search(byExpert, text)).length).toBeGreaterThan(original.length);
  });

  it('refuses a cursor of another search, or of another list', async () => {
    const cursorWord = word('Cursorword');
    await sharePractice(app, kzExpert, { body: cursorWord });
    await sharePractice(app, kzExpert, { body: `${cursorWord} twice` });
    const page = await searchPage(rsExpert, cursorWord, { first: 1 });
    expect(page.pageInfo.hasNextPage).toBe(true);
    const otherSearch = { text: `${cursorWord} twice`, after: page.pageInfo.endCursor };
    expectFieldError(await app.gql(rsExpert, SEARCH, otherSearch), 'after');
    expectFieldError(await app.gql(rsExpert, SEARCH, { text: cursorWord, after: 'bm90LWEtY3Vyc29y' }), 'after');
  });
});

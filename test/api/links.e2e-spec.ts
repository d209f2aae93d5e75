import type { Participant } from '@coop/domain';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  askQuestion,
  consultationInput,
  dataOf,
  expectFieldError,
  itemFor,
  practiceInput,
  proposalInput,
  proposeJointProject,
  questionInput,
  requestConsultation,
  respondToInvitation,
  sharePractice,
} from './support/api.js';
import {
  ASK_QUESTION,
  PROPOSE_JOINT_PROJECT,
  RECORD_PROJECT_ACTIVITY,
  REQUEST_CONSULTATION,
  REVIEW_PROPOSAL,
  REVISE_PRACTICE,
  REVISE_QUESTION,
  SHARE_PRACTICE,
  START_IMPLEMENTATION,
  SUBMIT_PROPOSAL,
} from './support/documents.js';
import { cast } from './support/people.js';
import type {
  ConsultationFields,
  LinkFields,
  PracticeFields,
  ProposalFields,
  QuestionFields,
} from './support/types.js';

const { kzExpert, kzFocalPoint, uzFocalPoint, rsExpert, secretariat } = cast;

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});

afterAll(async () => {
  await app?.dispose();
});

const guide: LinkFields = { url: 'https://unece.org/safety-guidelines.pdf', title: 'Safety guidelines', kind: 'GUIDE' };
const template: LinkFields = { url: 'http://example.org/checklist.docx', title: 'Checklist', kind: 'TEMPLATE' };

describe('links', () => {
  it('round-trip on a practice, OTHER when no kind is given, trimmed, and are replaced by a revision', async () => {
    const practice = await sharePractice(app, kzExpert, {
      links: [guide, { url: '  https://example.org/hazard-map  ', title: ' Hazard map ' }],
    });
    const sharedLinks = [guide, { url: 'https://example.org/hazard-map', title: 'Hazard map', kind: 'OTHER' }];
    expect(practice.links).toEqual(sharedLinks);
    expect(((await itemFor(app, rsExpert, practice.id)) as PracticeFields).links).toEqual(sharedLinks);

    const retitled = dataOf(
      await app.gql<{ revisePractice: PracticeFields }>(kzExpert, REVISE_PRACTICE, {
        input: { id: practice.id, expectedVersion: 1, title: 'A retitled practice' },
      }),
    ).revisePractice;
    expect(retitled.links).toEqual(sharedLinks);
    const relinked = dataOf(
      await app.gql<{ revisePractice: PracticeFields }>(kzExpert, REVISE_PRACTICE, {
        input: { id: practice.id, expectedVersion: 2, links: [template] },
      }),
    ).revisePractice;
    expect(relinked).toMatchObject({ version: 3, links: [template] });
    const unlinked = dataOf(
      await app.gql<{ revisePractice: PracticeFields }>(kzExpert, REVISE_PRACTICE, {
        input: { id: practice.id, expectedVersion: 3, links: [] },
      }),
    ).revisePractice;
    expect(unlinked).toMatchObject({ version: 4, links: [] });
  });

  it('round-trip on a question, and on its revision', async () => {
    const question = await askQuestion(app, kzExpert, { links: [guide] });
    expect(question.links).toEqual([guide]);
    const revised = dataOf(
      await app.gql<{ reviseQuestion: QuestionFields }>(kzExpert, REVISE_QUESTION, {
        input: { id: question.id, expectedVersion: 1, links: [guide, template] },
      }),
    ).reviseQuestion;
    expect(revised.links).toEqual([guide, template]);
    expect(((await itemFor(app, rsExpert, question.id)) as QuestionFields).links).toEqual([guide, template]);
  });

  it('round-trip on a proposal and on a project activity; an item without links has none', async () => {
    const proposal = await proposeJointProject(app, kzFocalPoint, { links: [template] });
    expect(proposal.links).toEqual([template]);
    expect((await sharePractice(app, kzExpert)).links).toEqual([]);

    await respondToInvitation(app, uzFocalPoint, proposal.id, true);
    dataOf(await app.gql(kzFocalPoint, SUBMIT_PROPOSAL, { id: proposal.id }));
    dataOf(await app.gql(secretariat, REVIEW_PROPOSAL, { id: proposal.id, decision: 'ENDORSE', note: 'Fits' }));
    dataOf(
      await app.gql(kzFocalPoint, START_IMPLEMENTATION, { id: proposal.id, startedOn: '2018-01-01T00:00:00.000Z' }),
    );
    const recorded = dataOf(
      await app.gql<{ recordProjectActivity: ProposalFields }>(uzFocalPoint, RECORD_PROJECT_ACTIVITY, {
        input: {
          proposalId: proposal.id,
          kind: 'PUBLICATION',
          title: 'Guide published',
          startsOn: '2018-11-01T00:00:00.000Z',
          countries: ['KZ', 'UZ'],
          links: [guide],
        },
      }),
    ).recordProjectActivity;
    expect(recorded.activities[0]?.links).toEqual([guide]);
    expect(recorded.links).toEqual([template]);
  });

  it('round-trip on a consultation, seen alike by a consulted country', async () => {
    const consultation = await requestConsultation(app, kzFocalPoint, { consultedCountries: ['UZ'], links: [guide] });
    expect(consultation.links).toEqual([guide]);
    expect(((await itemFor(app, uzFocalPoint, consultation.id)) as ConsultationFields).links).toEqual([guide]);
  });
});

describe('bad links', () => {
  const elevenLinks = Array.from({ length: 11 }, (_, index) => ({ ...guide, url: `${guide.url}?copy=${index}` }));

  it.each([
    [
      'a javascript: URL',
      [{ url: 'javascript:alert(document.cookie)', title: 'Click me' }],
      'links.0.url',
      'http or https',
    ],
    ['a file: URL', [guide, { url: 'file:///C:/Users/report.docx', title: 'Report' }], 'links.1.url', 'http or https'],
    [
      'a data: URL',
      [{ url: 'data:text/html,<script>alert(1)</script>', title: 'Data' }],
      'links.0.url',
      'http or https',
    ],
    [
      'a URL of 2,001 characters',
      [{ url: `https://example.org/${'a'.repeat(1_982)}`, title: 'Long' }],
      'links.0.url',
      '2000',
    ],
    ['a URL with spaces inside', [{ url: 'https://example.org/a map.pdf', title: 'Map' }], 'links.0.url', 'whitespace'],
    ['an empty title', [{ url: guide.url, title: '   ' }], 'links.0.title', 'empty'],
    ['a title of 201 characters', [{ url: guide.url, title: 't'.repeat(201) }], 'links.0.title', '200'],
    ['eleven links', elevenLinks, 'links', 'at most 10'],
  ])(
    'refuses %s with BAD_USER_INPUT naming the link, on every input that takes links',
    async (_, links, field, problem) => {
      const attempts: [Participant, string, Record<string, unknown>][] = [
        [kzExpert, SHARE_PRACTICE, { input: practiceInput({ links }) }],
        [kzExpert, ASK_QUESTION, { input: questionInput({ links }) }],
        [kzFocalPoint, PROPOSE_JOINT_PROJECT, { input: proposalInput({ links }) }],
        [kzFocalPoint, REQUEST_CONSULTATION, { input: consultationInput({ links }) }],
      ];
      for (const [who, document, variables] of attempts) {
        const messages = expectFieldError(await app.gql(who, document, variables), field);
        expect(messages.join(' ')).toContain(problem);
      }
      const practice = await sharePractice(app, kzExpert);
      expectFieldError(
        await app.gql(kzExpert, REVISE_PRACTICE, { input: { id: practice.id, expectedVersion: 1, links } }),
        field,
      );
      expect(((await itemFor(app, kzExpert, practice.id)) as PracticeFields).version).toBe(1);
    },
  );
});

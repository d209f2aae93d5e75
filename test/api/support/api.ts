import type { Participant } from '@coop/domain';
import type { GraphqlClient, GraphqlResponse } from '../../support/graphql-client.js';
import {
  ANSWER_QUESTION,
  ASK_QUESTION,
  AUDIT_TRAIL,
  FEED,
  ITEM_OF_TYPE,
  ITEM_TYPE,
  MARK_NOTIFICATIONS_READ,
  NOTIFICATIONS,
  POST_COMMENT,
  PROPOSE_JOINT_PROJECT,
  REQUEST_CONSULTATION,
  RESPOND_TO_INVITATION,
  SHARE_PRACTICE,
  WATCH_ITEM,
} from './documents.js';
import type {
  AnswerFields,
  AnyItem,
  AuditEventFields,
  CommentFields,
  Connection,
  ConsultationFields,
  FeedNode,
  NotificationConnection,
  PracticeFields,
  ProposalFields,
  QuestionFields,
  Subregion,
} from './types.js';

export type GraphqlError = NonNullable<GraphqlResponse['errors']>[number];
type Variables = Record<string, unknown>;

/** The response's data; fails the test with the errors when there are any. */
export function dataOf<Data>(response: GraphqlResponse<Data>): Data {
  if (response.errors?.length || response.data == null) {
    throw new Error(`expected data, got HTTP ${response.status}: ${JSON.stringify(response.errors ?? response)}`);
  }
  return response.data;
}

/** The response failed with `code` (and nothing else); returns its first error. */
export function expectError(response: GraphqlResponse<unknown>, code: string): GraphqlError {
  const codes = (response.errors ?? []).map((error) => error.extensions?.['code']);
  if (codes.length === 0) throw new Error(`expected ${code}, got data ${JSON.stringify(response.data)}`);
  expect(codes).toEqual(codes.map(() => code));
  const data = response.data as Record<string, unknown> | null | undefined;
  if (data) for (const value of Object.values(data)) expect(value).toBeNull();
  return (response.errors ?? [])[0] as GraphqlError;
}

/** BAD_USER_INPUT whose `extensions.fields` names `field` (as itself or as the last part of a path). */
export function expectFieldError(response: GraphqlResponse<unknown>, field: string): string[] {
  const error = expectError(response, 'BAD_USER_INPUT');
  const fields = (error.extensions?.['fields'] ?? {}) as Record<string, string[]>;
  const key = Object.keys(fields).find((name) => name === field || name.endsWith(`.${field}`));
  if (key === undefined) throw new Error(`expected a problem with ${field}, got ${JSON.stringify(error.extensions)}`);
  const messages = fields[key] ?? [];
  expect(messages.length).toBeGreaterThan(0);
  return messages;
}

let sequence = 0;
/** A string no other test uses. */
export function unique(label: string): string {
  sequence += 1;
  return `${label} ${process.pid}-${sequence}-${Math.random().toString(36).slice(2, 8)}`;
}

// ---------------------------------------------------------------- inputs

export function practiceInput(overrides: Variables = {}): Variables {
  return {
    title: unique('Practice'),
    summary: 'How our competent authority identifies hazardous activities.',
    body: 'We keep a register of hazardous activities and review it every year.',
    topics: ['IDENTIFICATION'],
    audience: { scope: 'NETWORK' },
    ...overrides,
  };
}

export function questionInput(overrides: Variables = {}): Variables {
  return {
    title: unique('Question'),
    body: 'How do you notify neighbouring countries of a proposed hazardous activity?',
    topics: ['NOTIFICATION'],
    audience: { scope: 'NETWORK' },
    ...overrides,
  };
}

export function proposalInput(overrides: Variables = {}): Variables {
  return {
    title: unique('Joint project'),
    objectives: 'Strengthen tailings safety along shared rivers.',
    topics: ['TAILINGS_SAFETY'],
    durationMonths: 18,
    partnerCountries: ['UZ'],
    ...overrides,
  };
}

/** A consultation about a tailings facility, due in a week. */
export function consultationInput(overrides: Variables = {}): Variables {
  return {
    title: unique('Tailings facility'),
    hazardousActivity: 'Tailings management facility of a gold mine, dam raised by 12 metres',
    location: 'Upstream of the border on a transboundary river',
    body: 'We ask for your assessment of possible transboundary effects; the dam-break study is attached.',
    topics: ['TAILINGS_SAFETY', 'TRANSBOUNDARY_CONSULTATION'],
    consultedCountries: ['KG', 'UZ'],
    respondBy: new Date(Date.now() + 7 * 24 * 3_600_000).toISOString(),
    ...overrides,
  };
}

// ---------------------------------------------------------------- acts

export async function sharePractice(
  app: GraphqlClient,
  who: Participant,
  overrides: Variables = {},
): Promise<PracticeFields> {
  const response = await app.gql<{ sharePractice: PracticeFields }>(who, SHARE_PRACTICE, {
    input: practiceInput(overrides),
  });
  return dataOf(response).sharePractice;
}

export async function askQuestion(
  app: GraphqlClient,
  who: Participant,
  overrides: Variables = {},
): Promise<QuestionFields> {
  const response = await app.gql<{ askQuestion: QuestionFields }>(who, ASK_QUESTION, {
    input: questionInput(overrides),
  });
  return dataOf(response).askQuestion;
}

export async function answerQuestion(
  app: GraphqlClient,
  who: Participant,
  questionId: string,
  overrides: Variables = {},
): Promise<AnswerFields> {
  const input = { questionId, body: 'We use the IAN system and a bilateral agreement.', ...overrides };
  return dataOf(await app.gql<{ answerQuestion: AnswerFields }>(who, ANSWER_QUESTION, { input })).answerQuestion;
}

export async function proposeJointProject(
  app: GraphqlClient,
  who: Participant,
  overrides: Variables = {},
): Promise<ProposalFields> {
  const response = await app.gql<{ proposeJointProject: ProposalFields }>(who, PROPOSE_JOINT_PROJECT, {
    input: proposalInput(overrides),
  });
  return dataOf(response).proposeJointProject;
}

export async function respondToInvitation(
  app: GraphqlClient,
  who: Participant,
  proposalId: string,
  accept: boolean,
  note: string | null = null,
): Promise<ProposalFields> {
  const response = await app.gql<{ respondToInvitation: ProposalFields }>(who, RESPOND_TO_INVITATION, {
    proposalId,
    accept,
    note,
  });
  return dataOf(response).respondToInvitation;
}

export async function requestConsultation(
  app: GraphqlClient,
  who: Participant,
  overrides: Variables = {},
): Promise<ConsultationFields> {
  const response = await app.gql<{ requestConsultation: ConsultationFields }>(who, REQUEST_CONSULTATION, {
    input: consultationInput(overrides),
  });
  return dataOf(response).requestConsultation;
}

export async function postComment(
  app: GraphqlClient,
  who: Participant,
  itemId: string,
  overrides: Variables = {},
): Promise<CommentFields> {
  const input = { itemId, body: unique('A comment'), ...overrides };
  return dataOf(await app.gql<{ postComment: CommentFields }>(who, POST_COMMENT, { input })).postComment;
}

// ---------------------------------------------------------------- reads

/** The item with its kind's fields as `who` sees it; null when they may not see it. */
export async function itemFor(app: GraphqlClient, who: Participant, id: string): Promise<AnyItem | null> {
  const found = dataOf(
    await app.gql<{ item: { __typename: keyof typeof ITEM_OF_TYPE } | null }>(who, ITEM_TYPE, { id }),
  ).item;
  if (found === null) return null;
  return dataOf(await app.gql<{ item: AnyItem | null }>(who, ITEM_OF_TYPE[found.__typename], { id })).item;
}

export interface FeedArgs {
  subregion?: Subregion;
  kinds?: string[];
  topics?: string[];
  first?: number;
  after?: string;
}

export async function feedPage(
  app: GraphqlClient,
  who: Participant,
  args: FeedArgs = {},
): Promise<Connection<FeedNode>> {
  return dataOf(await app.gql<{ feed: Connection<FeedNode> }>(who, FEED, { ...args })).feed;
}

/** Ids of the items in the viewer's newest 100 entries (a just-written item is among them when visible). */
export async function feedItemIds(app: GraphqlClient, who: Participant, args: FeedArgs = {}): Promise<string[]> {
  const page = await feedPage(app, who, { first: 100, ...args });
  return page.edges.map((edge) => edge.node.item.id);
}

export async function auditEventsOfItem(
  app: GraphqlClient,
  secretariat: Participant,
  itemId: string,
): Promise<AuditEventFields[]> {
  const response = await app.gql<{ auditTrail: Connection<AuditEventFields> }>(secretariat, AUDIT_TRAIL, {
    filter: { itemId },
    first: 100,
  });
  return dataOf(response).auditTrail.edges.map((edge) => edge.node);
}

// ---------------------------------------------------------------- notifications

export async function notificationsOf(
  app: GraphqlClient,
  who: Participant,
  args: { unreadOnly?: boolean; first?: number; after?: string } = {},
): Promise<NotificationConnection> {
  const response = await app.gql<{ notifications: NotificationConnection }>(who, NOTIFICATIONS, {
    first: 100,
    ...args,
  });
  return dataOf(response).notifications;
}

export async function watchItem(app: GraphqlClient, who: Participant, id: string, watching = true): Promise<boolean> {
  const response = await app.gql<{ watchItem: { watching: boolean } }>(who, WATCH_ITEM, { id, watching });
  return dataOf(response).watchItem.watching;
}

export async function markNotificationsRead(
  app: GraphqlClient,
  who: Participant,
  upTo: string | null,
): Promise<number> {
  const response = await app.gql<{ markNotificationsRead: number }>(who, MARK_NOTIFICATIONS_READ, { upTo });
  return dataOf(response).markNotificationsRead;
}

/** Resolves once the read model holds every event of the log (after a start that rebuilds it); fails after a bound. */
export async function untilCaughtUp(graphqlUrl: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const response = await fetch(graphqlUrl.replace('/graphql', '/health/ready'));
    const body = (await response.json()) as { projector?: { caughtUp?: boolean } };
    if (body.projector?.caughtUp === true) return;
    if (Date.now() > deadline) throw new Error(`the read model did not catch up: ${JSON.stringify(body)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

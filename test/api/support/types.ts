/** What the suites' documents (./documents.ts) select, as the client sees it. */

export type Subregion = 'SOUTH_EASTERN_EUROPE' | 'EASTERN_EUROPE' | 'CAUCASUS' | 'CENTRAL_ASIA';
export type Kind = 'PRACTICE' | 'QUESTION' | 'PROPOSAL' | 'CONSULTATION';

export interface CountryRef {
  code: string;
}

export interface ItemFields {
  __typename: 'Practice' | 'Question' | 'JointProjectProposal' | 'TransboundaryConsultation';
  id: string;
  kind: Kind;
  title: string;
  topics: string[];
  version: number;
  createdAt: string;
  updatedAt: string;
  subregions: Subregion[];
  country: { code: string; name: string; subregion: Subregion };
  author: { id: string; name: string; country: CountryRef | null; roles: string[] };
  audience: { scope: string; subregions: Subregion[]; countries: CountryRef[] };
  links: LinkFields[];
}

export interface LinkFields {
  url: string;
  title: string;
  kind: string;
}

export interface PracticeFields extends ItemFields {
  summary: string;
  body: string;
  status: 'PUBLISHED' | 'WITHDRAWN';
  adoptions: { country: CountryRef; by: { id: string }; note: string | null; adoptedAt: string }[];
}

export interface AnswerFields {
  id: string;
  questionId: string;
  body: string;
  author: { id: string };
  country: CountryRef | null;
  answeredAt: string;
  editedAt: string | null;
  accepted: boolean;
}

export interface QuestionFields extends ItemFields {
  body: string;
  status: 'OPEN' | 'ANSWERED' | 'CLOSED';
  answers: AnswerFields[];
  acceptedAnswer: { id: string } | null;
}

export interface ProposalFields extends ItemFields {
  objectives: string;
  durationMonths: number;
  leadCountry: CountryRef;
  status:
    | 'DRAFT'
    | 'SUBMITTED'
    | 'CHANGES_REQUESTED'
    | 'ENDORSED'
    | 'DECLINED'
    | 'WITHDRAWN'
    | 'IN_IMPLEMENTATION'
    | 'COMPLETED';
  partners: {
    country: CountryRef;
    status: 'INVITED' | 'JOINED' | 'DECLINED';
    note: string | null;
    respondedAt: string | null;
  }[];
  reviews: { decision: string; note: string; reviewer: { id: string }; reviewedAt: string }[];
  donor: string | null;
  startedOn: string | null;
  activities: ProjectActivityFields[];
  completedOn: string | null;
  evaluation: string | null;
}

export interface ProjectActivityFields {
  id: string;
  kind: string;
  title: string;
  startsOn: string;
  endsOn: string;
  venue: string | null;
  countries: CountryRef[];
  outcome: string | null;
  links: LinkFields[];
  recordedBy: { id: string };
  recordedAt: string;
}

export interface ConsultationFields extends ItemFields {
  hazardousActivity: string;
  location: string;
  body: string;
  consultedCountries: CountryRef[];
  respondBy: string;
  status: 'OPEN' | 'CONCLUDED' | 'WITHDRAWN';
  responses: {
    country: CountryRef;
    position: 'NO_SIGNIFICANT_EFFECTS' | 'POSSIBLE_EFFECTS' | 'NEEDS_MORE_INFORMATION';
    body: string;
    by: { id: string };
    respondedAt: string;
    revisedAt: string | null;
  }[];
  awaiting: CountryRef[];
  overdue: boolean;
  conclusion: string | null;
}

export type AnyItem = PracticeFields | QuestionFields | ProposalFields | ConsultationFields;

export interface ProfileFields {
  competentAuthorities: string[];
  focalPoint: string | null;
  ianPointOfContact: string | null;
  selfAssessment: 'NOT_STARTED' | 'IN_PROGRESS' | 'COMPLETED';
  actionPlan: 'NOT_STARTED' | 'IN_PROGRESS' | 'COMPLETED';
  version: number;
  updatedAt: string | null;
}

export interface CommentFields {
  id: string;
  itemId: string;
  body: string | null;
  author: { id: string };
  country: CountryRef | null;
  replyTo: string | null;
  postedAt: string;
  editedAt: string | null;
  retracted: boolean;
}

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface Connection<Node> {
  edges: { cursor: string; node: Node }[];
  pageInfo: PageInfo;
}

export interface FeedNode {
  cursor: string;
  activity: string;
  occurredAt: string;
  actor: { id: string };
  item: { id: string; kind: Kind; title: string };
}

export interface FeedSubjectNode {
  activity: string;
  item: { id: string };
  comment: {
    id: string;
    itemId: string;
    body: string | null;
    author: { id: string };
    editedAt: string | null;
    retracted: boolean;
  } | null;
  answer: { id: string; questionId: string; body: string; editedAt: string | null; accepted: boolean } | null;
}

export interface AuditEventFields {
  position: string;
  streamId: string;
  version: number;
  type: string;
  occurredAt: string;
  actor: { id: string } | null;
  correlationId: string | null;
  causationId: string | null;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  hash: string;
  previousHash: string | null;
}

export interface IntegrityReport {
  valid: boolean;
  streamsChecked: number;
  eventsChecked: number;
  problems: string[];
}

export interface CountryActivity {
  country: CountryRef;
  total: number;
  counts: { activity: string; count: number }[];
}

export interface NotificationNode {
  id: string;
  reason: string;
  read: boolean;
  createdAt: string;
  cursor: string;
  entry: { activity: string; actor: { id: string }; item: { id: string; title: string } };
}

export interface NotificationConnection extends Connection<NotificationNode> {
  unreadCount: number;
}

export interface ParticipantFields {
  id: string;
  name: string;
  country: CountryRef | null;
  roles: string[];
}

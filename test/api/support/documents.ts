/*
 * The GraphQL documents the end-to-end suites send, written as a client of the
 * contract (test/contract/schema.graphql) would write them. Fragments are
 * composed per document, because GraphQL refuses a document with an unused
 * fragment.
 */

const ITEM_FIELDS = /* GraphQL */ `
  fragment ItemFields on CooperationItem {
    __typename
    id
    kind
    title
    topics
    version
    createdAt
    updatedAt
    subregions
    country {
      code
      name
      subregion
    }
    author {
      id
      name
      country {
        code
      }
      roles
    }
    audience {
      scope
      subregions
      countries {
        code
      }
    }
    links {
      url
      title
      kind
    }
  }
`;

const PRACTICE_FIELDS = /* GraphQL */ `
  fragment PracticeFields on Practice {
    ...ItemFields
    summary
    body
    status
    adoptions {
      country {
        code
      }
      by {
        id
      }
      note
      adoptedAt
    }
  }
`;

const ANSWER_FIELDS = /* GraphQL */ `
  fragment AnswerFields on Answer {
    id
    questionId
    body
    author {
      id
    }
    country {
      code
    }
    answeredAt
    editedAt
    accepted
  }
`;

const QUESTION_FIELDS = /* GraphQL */ `
  fragment QuestionFields on Question {
    ...ItemFields
    body
    status
    answers {
      ...AnswerFields
    }
    acceptedAnswer {
      id
    }
  }
`;

const PROPOSAL_FIELDS = /* GraphQL */ `
  fragment ProposalFields on JointProjectProposal {
    ...ItemFields
    objectives
    durationMonths
    leadCountry {
      code
    }
    status
    partners {
      country {
        code
      }
      status
      note
      respondedAt
    }
    reviews {
      decision
      note
      reviewer {
        id
      }
      reviewedAt
    }
    donor
    startedOn
    activities {
      id
      kind
      title
      startsOn
      endsOn
      venue
      countries {
        code
      }
      outcome
      links {
        url
        title
        kind
      }
      recordedBy {
        id
      }
      recordedAt
    }
    completedOn
    evaluation
  }
`;

const COMMENT_FIELDS = /* GraphQL */ `
  fragment CommentFields on Comment {
    id
    itemId
    body
    author {
      id
    }
    country {
      code
    }
    replyTo
    postedAt
    editedAt
    retracted
  }
`;

const CONSULTATION_FIELDS = /* GraphQL */ `
  fragment ConsultationFields on TransboundaryConsultation {
    ...ItemFields
    hazardousActivity
    location
    body
    consultedCountries {
      code
    }
    respondBy
    status
    responses {
      country {
        code
      }
      position
      body
      by {
        id
      }
      respondedAt
      revisedAt
    }
    awaiting {
      code
    }
    overdue
    conclusion
  }
`;

const PROFILE_FIELDS = /* GraphQL */ `
  fragment ProfileFields on CountryProfile {
    competentAuthorities
    focalPoint
    ianPointOfContact
    selfAssessment
    actionPlan
    version
    updatedAt
  }
`;

const AUDIT_EVENT_FIELDS = /* GraphQL */ `
  fragment AuditEventFields on AuditEvent {
    position
    streamId
    version
    type
    occurredAt
    actor {
      id
    }
    correlationId
    causationId
    data
    metadata
    hash
    previousHash
  }
`;

/** The fragments each fragment spreads, so a document names each one exactly once. */
const FRAGMENTS: Record<string, { text: string; uses: string[] }> = {
  ItemFields: { text: ITEM_FIELDS, uses: [] },
  PracticeFields: { text: PRACTICE_FIELDS, uses: ['ItemFields'] },
  AnswerFields: { text: ANSWER_FIELDS, uses: [] },
  QuestionFields: { text: QUESTION_FIELDS, uses: ['ItemFields', 'AnswerFields'] },
  ProposalFields: { text: PROPOSAL_FIELDS, uses: ['ItemFields'] },
  ConsultationFields: { text: CONSULTATION_FIELDS, uses: ['ItemFields'] },
  ProfileFields: { text: PROFILE_FIELDS, uses: [] },
  CommentFields: { text: COMMENT_FIELDS, uses: [] },
  AuditEventFields: { text: AUDIT_EVENT_FIELDS, uses: [] },
};

/** An operation followed by the fragments it spreads, directly or through other fragments. */
function withFragments(operation: string, ...names: string[]): string {
  const included = new Set<string>();
  const include = (name: string) => {
    if (included.has(name)) return;
    included.add(name);
    FRAGMENTS[name]?.uses.forEach(include);
  };
  names.forEach(include);
  return [operation, ...[...included].map((name) => FRAGMENTS[name]?.text ?? '')].join('\n');
}

// ---------------------------------------------------------------- practices

export const SHARE_PRACTICE = withFragments(
  'mutation SharePractice($input: SharePracticeInput!) { sharePractice(input: $input) { ...PracticeFields } }',
  'PracticeFields',
);

export const REVISE_PRACTICE = withFragments(
  'mutation RevisePractice($input: RevisePracticeInput!) { revisePractice(input: $input) { ...PracticeFields } }',
  'PracticeFields',
);

export const WITHDRAW_PRACTICE = withFragments(
  'mutation WithdrawPractice($id: ID!, $reason: String!) { withdrawPractice(id: $id, reason: $reason) { ...PracticeFields } }',
  'PracticeFields',
);

export const ADOPT_PRACTICE = withFragments(
  'mutation AdoptPractice($id: ID!, $note: String) { adoptPractice(id: $id, note: $note) { ...PracticeFields } }',
  'PracticeFields',
);

// ---------------------------------------------------------------- questions

export const ASK_QUESTION = withFragments(
  'mutation AskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { ...QuestionFields } }',
  'QuestionFields',
);

export const ANSWER_QUESTION = withFragments(
  'mutation AnswerQuestion($input: AnswerQuestionInput!) { answerQuestion(input: $input) { ...AnswerFields } }',
  'AnswerFields',
);

export const ACCEPT_ANSWER = withFragments(
  `mutation AcceptAnswer($questionId: ID!, $answerId: ID!) {
    acceptAnswer(questionId: $questionId, answerId: $answerId) { ...QuestionFields }
  }`,
  'QuestionFields',
);

export const CLOSE_QUESTION = withFragments(
  'mutation CloseQuestion($id: ID!, $reason: String) { closeQuestion(id: $id, reason: $reason) { ...QuestionFields } }',
  'QuestionFields',
);

export const REVISE_QUESTION = withFragments(
  'mutation ReviseQuestion($input: ReviseQuestionInput!) { reviseQuestion(input: $input) { ...QuestionFields } }',
  'QuestionFields',
);

export const EDIT_ANSWER = withFragments(
  `mutation EditAnswer($questionId: ID!, $answerId: ID!, $body: String!) {
    editAnswer(questionId: $questionId, answerId: $answerId, body: $body) { ...AnswerFields }
  }`,
  'AnswerFields',
);

/** As the contract writes it: no reason. */
export const REOPEN_QUESTION = withFragments(
  'mutation ReopenQuestion($id: ID!) { reopenQuestion(id: $id) { ...QuestionFields } }',
  'QuestionFields',
);

// ---------------------------------------------------------------- proposals

export const PROPOSE_JOINT_PROJECT = withFragments(
  `mutation ProposeJointProject($input: ProposeJointProjectInput!) {
    proposeJointProject(input: $input) { ...ProposalFields }
  }`,
  'ProposalFields',
);

export const RESPOND_TO_INVITATION = withFragments(
  `mutation RespondToInvitation($proposalId: ID!, $accept: Boolean!, $note: String) {
    respondToInvitation(proposalId: $proposalId, accept: $accept, note: $note) { ...ProposalFields }
  }`,
  'ProposalFields',
);

export const SUBMIT_PROPOSAL = withFragments(
  'mutation SubmitProposal($id: ID!) { submitProposal(id: $id) { ...ProposalFields } }',
  'ProposalFields',
);

export const REVIEW_PROPOSAL = withFragments(
  `mutation ReviewProposal($id: ID!, $decision: ReviewDecision!, $note: String!) {
    reviewProposal(id: $id, decision: $decision, note: $note) { ...ProposalFields }
  }`,
  'ProposalFields',
);

export const WITHDRAW_PROPOSAL = withFragments(
  'mutation WithdrawProposal($id: ID!, $reason: String!) { withdrawProposal(id: $id, reason: $reason) { ...ProposalFields } }',
  'ProposalFields',
);

// ---------------------------------------------------------------- consultations

export const REQUEST_CONSULTATION = withFragments(
  `mutation RequestConsultation($input: RequestConsultationInput!) {
    requestConsultation(input: $input) { ...ConsultationFields }
  }`,
  'ConsultationFields',
);

export const RESPOND_TO_CONSULTATION = withFragments(
  `mutation RespondToConsultation($consultationId: ID!, $position: ConsultationPosition!, $body: String!) {
    respondToConsultation(consultationId: $consultationId, position: $position, body: $body) { ...ConsultationFields }
  }`,
  'ConsultationFields',
);

export const CONCLUDE_CONSULTATION = withFragments(
  `mutation ConcludeConsultation($id: ID!, $conclusion: String!) {
    concludeConsultation(id: $id, conclusion: $conclusion) { ...ConsultationFields }
  }`,
  'ConsultationFields',
);

export const WITHDRAW_CONSULTATION = withFragments(
  `mutation WithdrawConsultation($id: ID!, $reason: String!) {
    withdrawConsultation(id: $id, reason: $reason) { ...ConsultationFields }
  }`,
  'ConsultationFields',
);

// ---------------------------------------------------------------- country profiles

export const UPDATE_COUNTRY_PROFILE = withFragments(
  `mutation UpdateCountryProfile($input: UpdateCountryProfileInput!) {
    updateCountryProfile(input: $input) { code profile { ...ProfileFields } }
  }`,
  'ProfileFields',
);

/** Each country of a subregion with its reference data and its profile, history included. */
export const COUNTRY_PROFILES = withFragments(
  `query CountryProfiles($subregion: Subregion) {
    countries(subregion: $subregion) {
      code
      party
      neighbours { code }
      profile { ...ProfileFields history { streamId version type actor { id } data } }
    }
  }`,
  'ProfileFields',
);

export const REVISE_PROPOSAL = withFragments(
  'mutation ReviseProposal($input: ReviseProposalInput!) { reviseProposal(input: $input) { ...ProposalFields } }',
  'ProposalFields',
);

export const INVITE_PARTNER = withFragments(
  `mutation InvitePartner($proposalId: ID!, $country: ID!) {
    invitePartner(proposalId: $proposalId, country: $country) { ...ProposalFields }
  }`,
  'ProposalFields',
);

export const START_IMPLEMENTATION = withFragments(
  `mutation StartImplementation($id: ID!, $startedOn: DateTime!, $donor: String) {
    startImplementation(id: $id, startedOn: $startedOn, donor: $donor) { ...ProposalFields }
  }`,
  'ProposalFields',
);

export const RECORD_PROJECT_ACTIVITY = withFragments(
  `mutation RecordProjectActivity($input: RecordProjectActivityInput!) {
    recordProjectActivity(input: $input) { ...ProposalFields }
  }`,
  'ProposalFields',
);

export const COMPLETE_PROJECT = withFragments(
  `mutation CompleteProject($id: ID!, $completedOn: DateTime!, $evaluation: String!) {
    completeProject(id: $id, completedOn: $completedOn, evaluation: $evaluation) { ...ProposalFields }
  }`,
  'ProposalFields',
);

// ---------------------------------------------------------------- discussions

export const POST_COMMENT = withFragments(
  'mutation PostComment($input: PostCommentInput!) { postComment(input: $input) { ...CommentFields } }',
  'CommentFields',
);

export const EDIT_COMMENT = withFragments(
  'mutation EditComment($id: ID!, $body: String!) { editComment(id: $id, body: $body) { ...CommentFields } }',
  'CommentFields',
);

export const RETRACT_COMMENT = withFragments(
  'mutation RetractComment($id: ID!, $reason: String!) { retractComment(id: $id, reason: $reason) { ...CommentFields } }',
  'CommentFields',
);

export const ITEM_COMMENTS = withFragments(
  `query ItemComments($id: ID!, $first: Int, $after: String) {
    item(id: $id) {
      id
      comments(first: $first, after: $after) {
        edges { cursor node { ...CommentFields } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }`,
  'CommentFields',
);

/** The `comments` field with its default page size (50). */
export const ITEM_COMMENTS_DEFAULT_PAGE = withFragments(
  'query ItemCommentsDefault($id: ID!) { item(id: $id) { id comments { edges { node { ...CommentFields } } pageInfo { hasNextPage } } } }',
  'CommentFields',
);

// ---------------------------------------------------------------- queries

export const VIEWER = 'query Viewer { viewer { id name country { code name subregion } roles } }';

export const COUNTRIES =
  'query Countries($subregion: Subregion) { countries(subregion: $subregion) { code name subregion } }';

/** The fields every kind shares (a document selecting each kind's `status` at once is invalid: the enums differ). */
export const ITEM = withFragments('query Item($id: ID!) { item(id: $id) { ...ItemFields } }', 'ItemFields');

/** One kind's full fields: `itemFor` asks for the item's type first, then for these. */
export const ITEM_OF_TYPE = {
  Practice: withFragments('query Practice($id: ID!) { item(id: $id) { ...PracticeFields } }', 'PracticeFields'),
  Question: withFragments('query Question($id: ID!) { item(id: $id) { ...QuestionFields } }', 'QuestionFields'),
  JointProjectProposal: withFragments(
    'query Proposal($id: ID!) { item(id: $id) { ...ProposalFields } }',
    'ProposalFields',
  ),
  TransboundaryConsultation: withFragments(
    'query Consultation($id: ID!) { item(id: $id) { ...ConsultationFields } }',
    'ConsultationFields',
  ),
} as const;

export const ITEM_TYPE = 'query ItemType($id: ID!) { item(id: $id) { __typename } }';

export const ITEM_AS_OF = withFragments(
  'query ItemAsOf($id: ID!, $at: DateTime!) { itemAsOf(id: $id, at: $at) { ...ItemFields ... on Practice { summary body status } } }',
  'ItemFields',
);

export const PROPOSAL_AS_OF = withFragments(
  'query ProposalAsOf($id: ID!, $at: DateTime!) { itemAsOf(id: $id, at: $at) { ...ProposalFields } }',
  'ProposalFields',
);

export const ITEM_HISTORY = withFragments(
  'query ItemHistory($id: ID!) { item(id: $id) { id version history { ...AuditEventFields } } }',
  'AuditEventFields',
);

/** Lean enough that a page of 100 stays within the cost limit. */
export const FEED = /* GraphQL */ `
  query Feed($subregion: Subregion, $kinds: [ItemKind!], $topics: [Topic!], $first: Int, $after: String) {
    feed(subregion: $subregion, kinds: $kinds, topics: $topics, first: $first, after: $after) {
      edges {
        cursor
        node {
          cursor
          activity
          occurredAt
          actor {
            id
          }
          item {
            id
            kind
            title
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

/** Entries with the comment or answer each is about. */
export const FEED_SUBJECTS = /* GraphQL */ `
  query FeedSubjects($first: Int, $kinds: [ItemKind!]) {
    feed(first: $first, kinds: $kinds) {
      edges {
        node {
          activity
          item {
            id
          }
          comment {
            id
            itemId
            body
            author {
              id
            }
            editedAt
            retracted
          }
          answer {
            id
            questionId
            body
            editedAt
            accepted
          }
        }
      }
    }
  }
`;

/** Each entry's subregional feeds; a literal page size keeps the cost estimate at the page actually asked for. */
export const FEED_SUBREGIONS = /* GraphQL */ `
  query FeedSubregions($subregion: Subregion, $topics: [Topic!]) {
    feed(subregion: $subregion, topics: $topics, first: 20) {
      edges {
        node {
          activity
          subregions
          item {
            id
            subregions
          }
        }
      }
    }
  }
`;

export const SEARCH = /* GraphQL */ `
  query Search(
    $text: String!
    $first: Int
    $after: String
    $kinds: [ItemKind!]
    $topics: [Topic!]
    $subregion: Subregion
  ) {
    search(text: $text, first: $first, after: $after, kinds: $kinds, topics: $topics, subregion: $subregion) {
      edges {
        cursor
        node {
          id
          kind
          title
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

export const AUDIT_TRAIL = withFragments(
  `query AuditTrail($filter: AuditFilter, $first: Int, $after: String) {
    auditTrail(filter: $filter, first: $first, after: $after) {
      edges { cursor node { ...AuditEventFields } }
      pageInfo { hasNextPage endCursor }
    }
  }`,
  'AuditEventFields',
);

export const VERIFY_INTEGRITY =
  'query VerifyIntegrity { verifyIntegrity { valid streamsChecked eventsChecked problems } }';

export const COOPERATION_STATS = /* GraphQL */ `
  query CooperationStats($from: DateTime, $to: DateTime) {
    cooperationStats(from: $from, to: $to) {
      country {
        code
      }
      total
      counts {
        activity
        count
      }
    }
  }
`;

export const COOPERATION_REPORT = /* GraphQL */ `
  query CooperationReport($from: DateTime!, $to: DateTime!) {
    cooperationReport(from: $from, to: $to) {
      from
      to
      byCountry {
        country {
          code
        }
        total
        counts {
          activity
          count
        }
      }
      bySubregion {
        subregion
        total
        counts {
          activity
          count
        }
      }
      byTopic {
        topic
        total
      }
      countryLinks {
        countries {
          code
        }
        answers
        adoptions
        projects
        consultations
        total
      }
      profiles {
        countriesWithCompetentAuthorities {
          code
        }
        countriesWithIanPointOfContact {
          code
        }
        selfAssessmentsCompleted {
          code
        }
        actionPlansCompleted {
          code
        }
      }
      endorsedProjects {
        id
        status
        leadCountry {
          code
        }
      }
      completedProjects {
        id
        status
        completedOn
      }
    }
  }
`;

// ---------------------------------------------------------------- notifications and the directory

/** Lean enough that a page of 100 stays within the cost limit. */
export const NOTIFICATIONS = /* GraphQL */ `
  query Notifications($unreadOnly: Boolean, $first: Int, $after: String) {
    notifications(unreadOnly: $unreadOnly, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          reason
          read
          createdAt
          cursor
          entry {
            activity
            actor {
              id
            }
            item {
              id
              title
            }
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      unreadCount
    }
  }
`;

export const MARK_NOTIFICATIONS_READ = 'mutation MarkRead($upTo: String) { markNotificationsRead(upTo: $upTo) }';

export const WATCH_ITEM =
  'mutation Watch($id: ID!, $watching: Boolean!) { watchItem(id: $id, watching: $watching) { id watching } }';

export const ITEM_WATCHING = 'query Watching($id: ID!) { item(id: $id) { id watching } }';

export const PARTICIPANTS = /* GraphQL */ `
  query Participants($country: ID, $text: String, $first: Int) {
    participants(country: $country, text: $text, first: $first) {
      id
      name
      country {
        code
      }
      roles
    }
  }
`;

/**
 * The console's GraphQL documents: it asks the public API for nothing else.
 * Each kind's `status` has a type of its own, so each is aliased after its kind.
 */

const PARTICIPANT = 'id name roles country { code }';

const FEED_ENTRY = `cursor activity occurredAt subregions
  actor { ${PARTICIPANT} }
  item { id kind title topics country { code } }
  comment { id body retracted }
  answer { id body }`;

export const VIEWER = `query Viewer { viewer { id name roles country { code subregion } } }`;

export const FEED = `query Feed($subregion: Subregion, $kinds: [ItemKind!], $topics: [Topic!], $first: Int, $after: String) {
  feed(subregion: $subregion, kinds: $kinds, topics: $topics, first: $first, after: $after) {
    edges { cursor node { ${FEED_ENTRY} } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export const FEED_UPDATED = `subscription FeedUpdated($subregion: Subregion, $kinds: [ItemKind!], $topics: [Topic!], $since: String) {
  feedUpdated(subregion: $subregion, kinds: $kinds, topics: $topics, since: $since) { ${FEED_ENTRY} }
}`;

const COMMENT = `id body replyTo postedAt editedAt retracted author { ${PARTICIPANT} } country { code }`;
const LINK = 'url title kind';

export const ITEM = `query Item($id: ID!, $commentsAfter: String) {
  item(id: $id) {
    __typename id kind title topics version createdAt updatedAt subregions watching
    country { code }
    links { ${LINK} }
    author { ${PARTICIPANT} }
    audience { scope subregions countries { code } }
    history { position type version occurredAt actor { ${PARTICIPANT} } }
    comments(first: 100, after: $commentsAfter) { edges { cursor node { ${COMMENT} } } pageInfo { hasNextPage endCursor } }
    ... on Practice { summary body practiceStatus: status adoptions { note adoptedAt country { code } by { ${PARTICIPANT} } } }
    ... on Question {
      body questionStatus: status
      answers { id body answeredAt editedAt accepted country { code } author { ${PARTICIPANT} } }
    }
    ... on JointProjectProposal {
      objectives durationMonths proposalStatus: status leadCountry { code }
      partners { status note respondedAt country { code } }
      reviews { decision note reviewedAt reviewer { ${PARTICIPANT} } }
      donor startedOn completedOn evaluation
      activities {
        id kind title startsOn endsOn venue outcome recordedAt
        countries { code } links { ${LINK} } recordedBy { ${PARTICIPANT} }
      }
    }
    ... on TransboundaryConsultation {
      hazardousActivity location body respondBy consultationStatus: status overdue conclusion
      consultedCountries { code } awaiting { code }
      responses { position body respondedAt revisedAt country { code } by { ${PARTICIPANT} } }
      responseHistory: history { position type occurredAt data actor { ${PARTICIPANT} } }
    }
  }
}`;

export const SEARCH = `query Search(
  $text: String!, $kinds: [ItemKind!], $topics: [Topic!], $subregion: Subregion, $first: Int, $after: String
) {
  search(text: $text, kinds: $kinds, topics: $topics, subregion: $subregion, first: $first, after: $after) {
    edges { cursor node { id kind title topics country { code } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export const ITEM_UPDATED = `subscription ItemUpdated($id: ID!, $since: String) {
  itemUpdated(id: $id, since: $since) { cursor activity }
}`;

export const POST_COMMENT = `mutation PostComment($input: PostCommentInput!) { postComment(input: $input) { id } }`;
export const EDIT_COMMENT = `mutation EditComment($id: ID!, $body: String!) { editComment(id: $id, body: $body) { id } }`;
export const RETRACT_COMMENT = `mutation RetractComment($id: ID!, $reason: String!) { retractComment(id: $id, reason: $reason) { id } }`;
export const ANSWER_QUESTION = `mutation AnswerQuestion($input: AnswerQuestionInput!) { answerQuestion(input: $input) { id } }`;
export const ACCEPT_ANSWER = `mutation AcceptAnswer($questionId: ID!, $answerId: ID!) { acceptAnswer(questionId: $questionId, answerId: $answerId) { id } }`;
export const ADOPT_PRACTICE = `mutation AdoptPractice($id: ID!, $note: String) { adoptPractice(id: $id, note: $note) { id } }`;
export const RESPOND_TO_INVITATION = `mutation RespondToInvitation($proposalId: ID!, $accept: Boolean!, $note: String) {
  respondToInvitation(proposalId: $proposalId, accept: $accept, note: $note) { id }
}`;
export const SUBMIT_PROPOSAL = `mutation SubmitProposal($id: ID!) { submitProposal(id: $id) { id } }`;
export const REVISE_PROPOSAL = `mutation ReviseProposal($input: ReviseProposalInput!) { reviseProposal(input: $input) { id } }`;
export const INVITE_PARTNER = `mutation InvitePartner($proposalId: ID!, $country: ID!) {
  invitePartner(proposalId: $proposalId, country: $country) { id }
}`;
export const START_IMPLEMENTATION = `mutation StartImplementation($id: ID!, $startedOn: DateTime!, $donor: String) {
  startImplementation(id: $id, startedOn: $startedOn, donor: $donor) { id }
}`;
export const RECORD_PROJECT_ACTIVITY = `mutation RecordProjectActivity($input: RecordProjectActivityInput!) {
  recordProjectActivity(input: $input) { id }
}`;
export const COMPLETE_PROJECT = `mutation CompleteProject($id: ID!, $completedOn: DateTime!, $evaluation: String!) {
  completeProject(id: $id, completedOn: $completedOn, evaluation: $evaluation) { id }
}`;
export const REVISE_QUESTION = `mutation ReviseQuestion($input: ReviseQuestionInput!) { reviseQuestion(input: $input) { id } }`;
export const CLOSE_QUESTION = `mutation CloseQuestion($id: ID!, $reason: String) { closeQuestion(id: $id, reason: $reason) { id } }`;
export const REOPEN_QUESTION = `mutation ReopenQuestion($id: ID!, $reason: String) { reopenQuestion(id: $id, reason: $reason) { id } }`;
export const EDIT_ANSWER = `mutation EditAnswer($questionId: ID!, $answerId: ID!, $body: String!) {
  editAnswer(questionId: $questionId, answerId: $answerId, body: $body) { id }
}`;
export const REQUEST_CONSULTATION = `mutation RequestConsultation($input: RequestConsultationInput!) {
  requestConsultation(input: $input) { id }
}`;
export const RESPOND_TO_CONSULTATION = `mutation RespondToConsultation($consultationId: ID!, $position: ConsultationPosition!, $body: String!) {
  respondToConsultation(consultationId: $consultationId, position: $position, body: $body) { id }
}`;
export const CONCLUDE_CONSULTATION = `mutation ConcludeConsultation($id: ID!, $conclusion: String!) {
  concludeConsultation(id: $id, conclusion: $conclusion) { id }
}`;
export const WITHDRAW_CONSULTATION = `mutation WithdrawConsultation($id: ID!, $reason: String!) {
  withdrawConsultation(id: $id, reason: $reason) { id }
}`;
export const REVIEW_PROPOSAL = `mutation ReviewProposal($id: ID!, $decision: ReviewDecision!, $note: String!) {
  reviewProposal(id: $id, decision: $decision, note: $note) { id }
}`;

export const AUDIT_TRAIL = `query AuditTrail($filter: AuditFilter, $first: Int, $after: String) {
  auditTrail(filter: $filter, first: $first, after: $after) {
    edges { cursor node {
      position streamId version type occurredAt correlationId causationId data hash previousHash
      actor { ${PARTICIPANT} }
    } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export const VERIFY_INTEGRITY = `query VerifyIntegrity { verifyIntegrity { valid streamsChecked eventsChecked problems } }`;

export const COOPERATION_STATS = `query CooperationStats($from: DateTime, $to: DateTime) {
  cooperationStats(from: $from, to: $to) { total country { code } counts { activity count } }
}`;

export const COOPERATION_REPORT = `query CooperationReport($from: DateTime!, $to: DateTime!) {
  cooperationReport(from: $from, to: $to) {
    from to
    byCountry { total country { code } counts { activity count } }
    bySubregion { subregion total counts { activity count } }
    byTopic { topic total }
    countryLinks { countries { code } answers adoptions projects consultations total }
    profiles {
      countriesWithCompetentAuthorities { code } countriesWithIanPointOfContact { code }
      selfAssessmentsCompleted { code } actionPlansCompleted { code }
    }
    endorsedProjects { id title leadCountry { code } }
    completedProjects { id title leadCountry { code } }
  }
}`;

/** The beneficiary countries with their neighbours, to offer the viewer's own neighbours first. */
export const COUNTRY_NEIGHBOURS = `query CountryNeighbours { countries { code subregion neighbours { code } } }`;

const PROFILE = `competentAuthorities focalPoint ianPointOfContact selfAssessment actionPlan version updatedAt`;

export const COUNTRY_PROFILES = `query CountryProfiles { countries { code subregion party profile { ${PROFILE} } } }`;

/** One country's profile with its history; the query has no country argument, so the page picks it out. */
export const COUNTRY_PROFILE = `query CountryProfile($subregion: Subregion) {
  countries(subregion: $subregion) {
    code subregion party neighbours { code }
    profile { ${PROFILE} history { position type version occurredAt data actor { ${PARTICIPANT} } } }
  }
}`;

export const UPDATE_COUNTRY_PROFILE = `mutation UpdateCountryProfile($input: UpdateCountryProfileInput!) {
  updateCountryProfile(input: $input) { code profile { version } }
}`;

const NOTIFICATION = `id cursor reason createdAt read entry { ${FEED_ENTRY} }`;

export const NOTIFICATIONS = `query Notifications($unreadOnly: Boolean, $first: Int, $after: String) {
  notifications(unreadOnly: $unreadOnly, first: $first, after: $after) {
    unreadCount
    edges { cursor node { ${NOTIFICATION} } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export const NOTIFICATION_ADDED = `subscription NotificationAdded($since: String) {
  notificationAdded(since: $since) { ${NOTIFICATION} }
}`;

export const MARK_NOTIFICATIONS_READ = `mutation MarkNotificationsRead($upTo: String) { markNotificationsRead(upTo: $upTo) }`;

export const WATCH_ITEM = `mutation WatchItem($id: ID!, $watching: Boolean!) { watchItem(id: $id, watching: $watching) { id watching } }`;

export const PARTICIPANTS = `query Participants($text: String, $first: Int) { participants(text: $text, first: $first) { ${PARTICIPANT} } }`;

import {
  type ConsultationCommand,
  consultationAggregate,
  type CountryProfileCommand,
  countryProfileAggregate,
  type DiscussionCommand,
  discussionAggregate,
  type ItemKind,
  type LinkInput,
  type Participant,
  participantAggregate,
  type ParticipantCommand,
  type PracticeCommand,
  practiceAggregate,
  type ProposalCommand,
  proposalAggregate,
  type QuestionCommand,
  questionAggregate,
} from '@coop/domain';
import { type DemoAct, demoAct, demoId } from './demo-act.js';
import { demoParticipant } from './demo-participants.js';

/*
 * The Assistance and Cooperation Programme's record for 2017–2019, as the
 * network would have recorded it: the subregional workshops of 2017 (Zagreb in
 * February, Minsk in April) and what their participants asked each other, the
 * Central Asia industrial-safety project from proposal to completion, the
 * tailings-safety pilot in Kazakhstan, the high-level mission to Ukraine, and
 * the Central Asian countries' profiles as they stood after the project. Where
 * the record gives a month only, the day is chosen. The transboundary
 * consultation is illustrative and says so in its own text.
 *
 * Acts are listed in the order they happened; each is recorded with its own
 * instant as `now`, so every event carries its historical `occurredAt`.
 */

const CENTRAL_ASIA = ['KZ', 'KG', 'TJ', 'TM', 'UZ'];
const NETWORK = { scope: 'NETWORK' } as const;
const CENTRAL_ASIA_ONLY = { scope: 'SUBREGIONS', subregions: ['CENTRAL_ASIA'] } as const;

const CONVENTION_PAGE: LinkInput = {
  url: 'https://unece.org/environment-policy/industrial-accidents',
  title: 'The Industrial Accidents Convention at UNECE',
  kind: 'OTHER',
};
const GUIDE: LinkInput = {
  url: 'https://unece.org/environment-policy/industrial-accidents',
  title: 'Guide of the Central Asia project on strengthening industrial safety (Convention publications)',
  kind: 'GUIDE',
};

const ID = {
  zagrebPractice: demoId('practice/zagreb-2017-identification'),
  zagrebQuestion: demoId('question/zagreb-2017-notifying-neighbours'),
  zagrebAnswerMk: demoId('answer/zagreb-2017-notifying-neighbours/mk'),
  zagrebAnswerMd: demoId('answer/zagreb-2017-notifying-neighbours/md'),
  minskPractice: demoId('practice/minsk-2017-coordination'),
  minskQuestion: demoId('question/minsk-2017-self-assessment'),
  minskAnswerAm: demoId('answer/minsk-2017-self-assessment/am'),
  minskAnswerUa: demoId('answer/minsk-2017-self-assessment/ua'),
  centralAsiaProject: demoId('proposal/central-asia-industrial-safety'),
  borderQuestion: demoId('question/central-asia-border-activities'),
  borderAnswerKz: demoId('answer/central-asia-border-activities/kz'),
  borderAnswerKg: demoId('answer/central-asia-border-activities/kg'),
  ukrainePractice: demoId('practice/ukraine-2018-high-level-mission'),
  tailingsProject: demoId('proposal/kazakhstan-tailings-safety-pilot'),
  consultation: demoId('consultation/illustrative-tailings-mailuu-suu'),
  ianQuestion: demoId('question/ian-point-of-contact-reachability'),
  ianAnswerKz: demoId('answer/ian-point-of-contact-reachability/kz'),
  ianAnswerUz: demoId('answer/ian-point-of-contact-reachability/uz'),
  tailingsPractice: demoId('practice/tailings-hazard-rating'),
};

const practice = (key: string, at: string, by: string, command: PracticeCommand): DemoAct =>
  demoAct(practiceAggregate, { key, at, by: demoParticipant(by), itemId: command.practiceId, command });

const question = (key: string, at: string, by: string, command: QuestionCommand): DemoAct =>
  demoAct(questionAggregate, { key, at, by: demoParticipant(by), itemId: command.questionId, command });

const proposal = (key: string, at: string, by: string, command: ProposalCommand): DemoAct =>
  demoAct(proposalAggregate, { key, at, by: demoParticipant(by), itemId: command.proposalId, command });

const consultation = (key: string, at: string, by: string, command: ConsultationCommand): DemoAct =>
  demoAct(consultationAggregate, { key, at, by: demoParticipant(by), itemId: command.consultationId, command });

const profile = (key: string, at: string, by: string, command: CountryProfileCommand): DemoAct =>
  demoAct(countryProfileAggregate, { key, at, by: demoParticipant(by), itemId: null, command });

const comment = (
  key: string,
  at: string,
  by: string,
  itemKind: ItemKind,
  itemId: string,
  body: string,
  thread: { replyTo?: string; mentions?: readonly string[] } = {},
): DemoAct => {
  const command: DiscussionCommand = {
    type: 'PostComment',
    itemId,
    itemKind,
    commentId: demoId(`comment/${key}`),
    body,
    replyTo: thread.replyTo === undefined ? null : demoId(`comment/${thread.replyTo}`),
    mentions: (thread.mentions ?? []).map(demoParticipant),
  };
  return demoAct(discussionAggregate, { key, at, by: demoParticipant(by), itemId, command });
};

const participantAct = (key: string, at: string, by: Participant, command: ParticipantCommand, itemId: string | null) =>
  demoAct(participantAggregate, { key, at, by, itemId, command });

const watches = (at: string, by: string, itemKind: ItemKind, itemId: string): DemoAct => {
  const watcher = demoParticipant(by);
  const command: ParticipantCommand = {
    type: 'WatchItem',
    participantId: watcher.id,
    itemId,
    itemKind,
    watching: true,
  };
  return participantAct(`participant/${by}/watches/${itemId}`, at, watcher, command, itemId);
};

/**
 * Each participant enters the directory as the API records them, with their
 * first request: a minute before their first act.
 */
function withDirectory(acts: readonly DemoAct[]): DemoAct[] {
  const recorded = new Set<string>();
  return acts.flatMap((act) => {
    if (recorded.has(act.by.id)) return [act];
    recorded.add(act.by.id);
    const at = new Date(act.at.getTime() - 60_000).toISOString();
    const command: ParticipantCommand = { type: 'RecordParticipant', participantId: act.by.id };
    return [participantAct(`participant/${act.by.id}/recorded`, at, act.by, command, null), act];
  });
}

const activity = (
  key: string,
  at: string,
  by: string,
  proposalId: string,
  details: {
    kind: string;
    title: string;
    startsOn: string;
    endsOn?: string;
    venue?: string;
    countries: readonly string[];
    outcome: string;
    links?: readonly LinkInput[];
  },
): DemoAct =>
  proposal(key, at, by, {
    type: 'RecordProjectActivity',
    proposalId,
    activityId: demoId(`activity/${key}`),
    kind: details.kind,
    title: details.title,
    startsOn: new Date(details.startsOn),
    endsOn: details.endsOn === undefined ? null : new Date(details.endsOn),
    venue: details.venue ?? null,
    countries: details.countries,
    outcome: details.outcome,
    links: details.links ?? null,
  });

const joins = (country: string, at: string, note: string): DemoAct =>
  proposal(`central-asia-project/${country.toLowerCase()}-joins`, at, `${country.toLowerCase()}-focal-point`, {
    type: 'RespondToInvitation',
    proposalId: ID.centralAsiaProject,
    accept: true,
    note,
  });

const joinsPilot = (country: string, at: string, note: string): DemoAct =>
  proposal(`tailings-pilot/${country.toLowerCase()}-joins`, at, `${country.toLowerCase()}-focal-point`, {
    type: 'RespondToInvitation',
    proposalId: ID.tailingsProject,
    accept: true,
    note,
  });

const selfAssessmentStarted = (country: string, at: string): DemoAct =>
  profile(`profile/${country.toLowerCase()}-self-assessment-started`, at, `${country.toLowerCase()}-focal-point`, {
    type: 'UpdateCountryProfile',
    country,
    selfAssessment: 'IN_PROGRESS',
  });

/** A profile as it stood after the Central Asia project: authorities and focal point designated, both documents done. */
const profileAfterProject = (
  country: string,
  at: string,
  details: { competentAuthorities: readonly string[]; focalPoint: string; ianPointOfContact: string | null },
): DemoAct =>
  profile(`profile/${country.toLowerCase()}-after-project`, at, `${country.toLowerCase()}-focal-point`, {
    type: 'UpdateCountryProfile',
    country,
    ...details,
    selfAssessment: 'COMPLETED',
    actionPlan: 'COMPLETED',
  });

export const PROGRAMME_DEMO: readonly DemoAct[] = withDirectory([
  // South-Eastern Europe: the subregional workshop in Zagreb, February 2017.
  practice('zagreb/identification-practice', '2017-02-24T09:00:00Z', 'rs-focal-point', {
    type: 'SharePractice',
    practiceId: ID.zagrebPractice,
    title: 'A first national inventory of hazardous activities, built from registers we already had',
    summary:
      'A conclusion of the subregional workshop for South-Eastern Europe (Zagreb, February 2017): start the identification of hazardous activities from the operators other laws already register, check each against the Annex I thresholds, and keep the list current with the inspectorates.',
    body: [
      'At the Zagreb workshop several countries said that identification is where implementation stalls: nobody knows which installations are above the Annex I thresholds.',
      'We did not start from a survey. We took the registers that already exist (environmental permits, the chemicals register, the fire inspectorate’s list of sites with large stocks) and checked every operator on them against the Annex I substances and quantities.',
      'About one operator in ten needed a visit to confirm the quantities actually held. The result is a list of establishments above the thresholds, with the substances and the distance to the nearest border.',
      'The inspectorates now report every new permit that may concern the list, so it is kept current without a new campaign. We would be glad to compare our criteria for the distance to the border with our neighbours’.',
    ].join('\n\n'),
    topics: ['IDENTIFICATION', 'SEVESO_III', 'COMPETENT_AUTHORITIES'],
    audience: NETWORK,
    links: [CONVENTION_PAGE],
  }),
  question('zagreb/notification-question', '2017-02-27T10:00:00Z', 'al-participant', {
    type: 'AskQuestion',
    questionId: ID.zagrebQuestion,
    title: 'How do you notify a neighbouring country of a hazardous activity close to the border?',
    body: 'The Zagreb workshop concluded that most of us have no written procedure for notifying neighbours of hazardous activities that could have transboundary effects. Who decides that an activity must be notified, who sends the notification, and to whom in the neighbouring country? Examples of a procedure or a template would help us draft ours.',
    topics: ['NOTIFICATION', 'TRANSBOUNDARY_CONSULTATION'],
    audience: NETWORK,
  }),
  comment(
    'zagreb/identification-practice/ba-comment',
    '2017-03-02T08:30:00Z',
    'ba-participant',
    'PRACTICE',
    ID.zagrebPractice,
    'Very useful. We also started from the environmental permits, but our entity registers are kept separately: did you need an agreement between institutions to share them, or was a request from the competent authority enough?',
  ),
  question('zagreb/notification-question/mk-answer', '2017-03-06T09:15:00Z', 'mk-participant', {
    type: 'AnswerQuestion',
    questionId: ID.zagrebQuestion,
    answerId: ID.zagrebAnswerMk,
    body: 'Our competent authority decides, on the basis of the location criteria of the Convention’s guidelines: any activity within 15 km of the border is screened. The notification goes through the point of contact designated under the Convention, in the neighbour’s language or in English, with a short description of the activity, the substances and the map. We reused the structure of the Annex III information for the template.',
  }),
  question('zagreb/notification-question/md-answer', '2017-03-09T13:00:00Z', 'md-participant', {
    type: 'AnswerQuestion',
    questionId: ID.zagrebQuestion,
    answerId: ID.zagrebAnswerMd,
    body: 'In our case an order of the ministry names the environmental agency as responsible. It notifies the neighbour’s focal point by letter and by e-mail at the same time, and we agreed with both neighbours to acknowledge receipt within ten days.',
  }),
  question('zagreb/notification-question/accepted', '2017-03-14T10:00:00Z', 'al-participant', {
    type: 'AcceptAnswer',
    questionId: ID.zagrebQuestion,
    answerId: ID.zagrebAnswerMk,
  }),

  // The Central Asia industrial-safety project: proposed, joined, submitted, endorsed.
  proposal('central-asia-project/proposed', '2017-03-15T05:00:00Z', 'kz-focal-point', {
    type: 'ProposeJointProject',
    proposalId: ID.centralAsiaProject,
    title: 'Strengthening industrial safety in Central Asia',
    objectives: [
      'Help the five Central Asian countries implement the Convention together: designate competent authorities and focal points, connect to the UNECE Industrial Accident Notification System, and complete the self-assessment and the action plan of each country.',
      'Each country convenes a national expert group of the ministries and agencies concerned; the project trains trainers, writes a guide with the experience of the five countries, and ends with a subregional workshop and an evaluation.',
    ].join('\n\n'),
    topics: ['INSTITUTIONAL_CAPACITY', 'COMPETENT_AUTHORITIES', 'SELF_ASSESSMENT', 'ACTION_PLAN', 'IAN_SYSTEM'],
    durationMonths: 22,
    partnerCountries: ['KG', 'TJ', 'TM', 'UZ'],
    audience: NETWORK,
    links: [CONVENTION_PAGE],
  }),
  joins(
    'KG',
    '2017-03-20T04:30:00Z',
    'Kyrgyzstan joins; the Ministry of Emergency Situations will convene our expert group.',
  ),
  joins('TJ', '2017-03-21T05:00:00Z', 'Tajikistan joins and will host a national expert group meeting in Dushanbe.'),
  joins('UZ', '2017-03-22T06:00:00Z', 'Uzbekistan joins.'),
  joins(
    'TM',
    '2017-03-27T05:30:00Z',
    'Turkmenistan joins; our participation is coordinated by the civil protection service.',
  ),
  proposal('central-asia-project/submitted', '2017-03-29T05:00:00Z', 'kz-focal-point', {
    type: 'SubmitProposal',
    proposalId: ID.centralAsiaProject,
  }),
  proposal('central-asia-project/endorsed', '2017-04-05T09:00:00Z', 'secretariat', {
    type: 'ReviewProposal',
    proposalId: ID.centralAsiaProject,
    decision: 'ENDORSE',
    note: 'Endorsed: the project answers the priorities the five countries set out, and each of them has joined. Please record the national expert group meetings as they take place.',
  }),
  watches('2017-04-05T09:05:00Z', 'secretariat', 'PROPOSAL', ID.centralAsiaProject),

  // Eastern Europe and the Caucasus: the subregional workshop in Minsk, April 2017.
  practice('minsk/coordination-practice', '2017-04-21T08:00:00Z', 'by-focal-point', {
    type: 'SharePractice',
    practiceId: ID.minskPractice,
    title: 'One table for everyone: an inter-agency commission for industrial safety',
    summary:
      'A conclusion of the subregional workshop in Minsk (April 2017): the emergency service, the environmental and industrial inspectorates and the ministries meet as one commission, so notifications, inspections and emergency plans follow one plan.',
    body: [
      'At the Minsk workshop every delegation described the same difficulty: the Convention touches four or five institutions, and none of them leads.',
      'Our commission meets quarterly and after every accident or exercise. The emergency service chairs it; the secretariat of the commission keeps the list of hazardous activities and the calendar of inspections and exercises.',
      'What made it work: a government decree that names the members and the chair, a work plan adopted every year, and one person per institution who answers for it.',
    ].join('\n\n'),
    topics: ['INSTITUTIONAL_CAPACITY', 'PREPAREDNESS', 'COMPETENT_AUTHORITIES'],
    audience: NETWORK,
  }),
  question('minsk/self-assessment-question', '2017-04-24T07:00:00Z', 'ge-participant', {
    type: 'AskQuestion',
    questionId: ID.minskQuestion,
    title: 'What goes into a self-assessment against the benchmarks, and who should write it?',
    body: 'In Minsk we agreed to start our self-assessment this year. Did you write it in the competent authority alone, or with a working group? How long did it take, and which benchmarks were the hardest to assess?',
    topics: ['SELF_ASSESSMENT', 'ACTION_PLAN'],
    audience: NETWORK,
  }),
  question('minsk/self-assessment-question/am-answer', '2017-04-27T09:00:00Z', 'am-participant', {
    type: 'AnswerQuestion',
    questionId: ID.minskQuestion,
    answerId: ID.minskAnswerAm,
    body: 'We wrote it with a working group of five institutions over about four months. The benchmarks on land-use planning were the hardest, because the data sit with the municipalities.',
  }),
  proposal('central-asia-project/started', '2017-05-02T05:00:00Z', 'kz-focal-point', {
    type: 'StartImplementation',
    proposalId: ID.centralAsiaProject,
    startedOn: new Date('2017-05-01T00:00:00Z'),
  }),
  question('minsk/self-assessment-question/ua-answer', '2017-05-03T08:00:00Z', 'ua-focal-point', {
    type: 'AnswerQuestion',
    questionId: ID.minskQuestion,
    answerId: ID.minskAnswerUa,
    body: 'A working group, chaired by the competent authority, with the inspectorates and the emergency service. Write down the evidence for each benchmark as you go: it becomes the baseline of the action plan, and the action plan is then mostly the list of the gaps the assessment found.',
  }),
  question('minsk/self-assessment-question/accepted', '2017-05-10T07:00:00Z', 'ge-participant', {
    type: 'AcceptAnswer',
    questionId: ID.minskQuestion,
    answerId: ID.minskAnswerUa,
  }),
  practice('minsk/coordination-practice/md-adopts', '2017-05-16T08:00:00Z', 'md-participant', {
    type: 'AdoptPractice',
    practiceId: ID.minskPractice,
    note: 'We are preparing a decree on a similar commission, chaired by the General Inspectorate for Emergency Situations.',
  }),

  // National expert group meetings of the Central Asia project, May 2017 – March 2018.
  activity('central-asia-project/expert-group-kz', '2017-05-29T05:00:00Z', 'kz-focal-point', ID.centralAsiaProject, {
    kind: 'NATIONAL_EXPERT_GROUP_MEETING',
    title: 'National expert group meeting, Kazakhstan',
    startsOn: '2017-05-25T00:00:00Z',
    endsOn: '2017-05-26T00:00:00Z',
    venue: 'Astana',
    countries: ['KZ'],
    outcome: 'The expert group agreed the division of work between the ministries and started the self-assessment.',
  }),
  selfAssessmentStarted('KZ', '2017-05-30T05:00:00Z'),
  activity('central-asia-project/expert-group-kg', '2017-06-19T04:00:00Z', 'kg-focal-point', ID.centralAsiaProject, {
    kind: 'NATIONAL_EXPERT_GROUP_MEETING',
    title: 'National expert group meeting, Kyrgyzstan',
    startsOn: '2017-06-15T00:00:00Z',
    endsOn: '2017-06-16T00:00:00Z',
    venue: 'Bishkek',
    countries: ['KG'],
    outcome:
      'Tailings facilities were named the first priority; the group drafted the list of institutions for the competent authority’s designation.',
  }),
  selfAssessmentStarted('KG', '2017-06-20T04:00:00Z'),
  activity('central-asia-project/expert-group-tj', '2017-09-15T04:00:00Z', 'tj-focal-point', ID.centralAsiaProject, {
    kind: 'NATIONAL_EXPERT_GROUP_MEETING',
    title: 'National expert group meeting, Tajikistan',
    startsOn: '2017-09-12T00:00:00Z',
    endsOn: '2017-09-13T00:00:00Z',
    venue: 'Dushanbe',
    countries: ['TJ'],
    outcome:
      'The group reviewed the legislation on industrial safety against the Convention and started the self-assessment.',
  }),
  selfAssessmentStarted('TJ', '2017-09-16T04:00:00Z'),
  comment(
    'central-asia-project/tj-comment',
    '2017-09-18T06:00:00Z',
    'tj-participant',
    'PROPOSAL',
    ID.centralAsiaProject,
    'Our expert group asked whether the other countries list tailings facilities among the hazardous activities, or treat them under mining law only. We would like to discuss this at the training in Almaty.',
  ),
  comment(
    'central-asia-project/kz-reply-to-tj',
    '2017-09-20T05:00:00Z',
    'kz-focal-point',
    'PROPOSAL',
    ID.centralAsiaProject,
    'We list them as hazardous activities when they hold hazardous substances above the thresholds, whatever the mining law says. Bakyt, could Kyrgyzstan present its approach in Almaty? You have the most facilities of us all.',
    { replyTo: 'central-asia-project/tj-comment', mentions: ['kg-focal-point'] },
  ),
  activity(
    'central-asia-project/training-of-trainers',
    '2017-10-26T05:00:00Z',
    'kz-focal-point',
    ID.centralAsiaProject,
    {
      kind: 'TRAINING',
      title: 'Training of trainers on the implementation of the Convention',
      startsOn: '2017-10-23T00:00:00Z',
      endsOn: '2017-10-24T00:00:00Z',
      venue: 'Almaty',
      countries: CENTRAL_ASIA,
      outcome:
        'Trainers from the five countries practised the identification of hazardous activities and the self-assessment, and will run the national trainings.',
    },
  ),
  comment(
    'central-asia-project/kg-comment',
    '2017-10-27T04:00:00Z',
    'kg-participant',
    'PROPOSAL',
    ID.centralAsiaProject,
    'Thank you for Almaty. The exercise on the identification of hazardous activities with real site data was the most useful part; we will use it in our national training in Bishkek.',
  ),
  comment(
    'central-asia-project/kz-reply-to-kg',
    '2017-10-30T05:00:00Z',
    'kz-focal-point',
    'PROPOSAL',
    ID.centralAsiaProject,
    'Glad it was useful. The site data and the exercise sheets are with the trainers; ask them for the Russian version for Bishkek.',
    { replyTo: 'central-asia-project/kg-comment' },
  ),
  activity('central-asia-project/expert-group-uz', '2017-11-24T05:00:00Z', 'uz-focal-point', ID.centralAsiaProject, {
    kind: 'NATIONAL_EXPERT_GROUP_MEETING',
    title: 'National expert group meeting, Uzbekistan',
    startsOn: '2017-11-21T00:00:00Z',
    endsOn: '2017-11-22T00:00:00Z',
    venue: 'Tashkent',
    countries: ['UZ'],
    outcome:
      'The group proposed the competent authorities and the point of contact for the Industrial Accident Notification System.',
  }),
  selfAssessmentStarted('UZ', '2017-11-25T05:00:00Z'),
  question('central-asia/border-question', '2017-12-05T05:00:00Z', 'uz-participant', {
    type: 'AskQuestion',
    questionId: ID.borderQuestion,
    title: 'Which hazardous activities near the border do you list, and how do you tell your neighbours?',
    body: 'Our expert group is drafting the list of hazardous activities that could affect a neighbouring country. Do you use a distance from the border, the river basins, or both? And have you already exchanged such a list with a neighbour?',
    topics: ['IDENTIFICATION', 'NOTIFICATION', 'TRANSBOUNDARY_CONSULTATION'],
    audience: CENTRAL_ASIA_ONLY,
  }),
  question('central-asia/border-question/kz-answer', '2017-12-11T05:00:00Z', 'kz-participant', {
    type: 'AnswerQuestion',
    questionId: ID.borderQuestion,
    answerId: ID.borderAnswerKz,
    body: 'Both: activities within 15 km of the border, and any activity upstream on a transboundary river whatever the distance. We have not exchanged the list yet; the project’s final workshop would be a good place to start.',
  }),
  question('central-asia/border-question/kg-answer', '2017-12-13T04:00:00Z', 'kg-participant', {
    type: 'AnswerQuestion',
    questionId: ID.borderQuestion,
    answerId: ID.borderAnswerKg,
    body: 'For us the river basins matter most: most of our tailings facilities are upstream of the Fergana valley. We list them all, and we are preparing a map with their hazard rating.',
  }),
  question('central-asia/border-question/accepted', '2017-12-20T05:00:00Z', 'uz-participant', {
    type: 'AcceptAnswer',
    questionId: ID.borderQuestion,
    answerId: ID.borderAnswerKz,
  }),
  activity('central-asia-project/expert-group-tm', '2018-03-09T05:00:00Z', 'tm-focal-point', ID.centralAsiaProject, {
    kind: 'NATIONAL_EXPERT_GROUP_MEETING',
    title: 'National expert group meeting, Turkmenistan',
    startsOn: '2018-03-06T00:00:00Z',
    endsOn: '2018-03-07T00:00:00Z',
    venue: 'Ashgabat',
    countries: ['TM'],
    outcome:
      'The last of the national meetings: the group reviewed the draft self-assessment and named the focal point.',
  }),
  selfAssessmentStarted('TM', '2018-03-10T05:00:00Z'),

  // The high-level mission to Ukraine, 18–19 April 2018.
  practice('ukraine/high-level-mission-practice', '2018-04-23T07:00:00Z', 'ua-focal-point', {
    type: 'SharePractice',
    practiceId: ID.ukrainePractice,
    title: 'After the high-level mission: one coordinating body and a roadmap for the Convention',
    summary:
      'The high-level mission to Ukraine (18–19 April 2018) met the ministries and agencies that share the Convention’s work; they agreed to name one coordinating body and to turn the action plan into a roadmap with deadlines.',
    body: [
      'The mission brought the secretariat and the Bureau together with the heads of the institutions concerned. For us its value was that everyone heard the same message at the same time.',
      'What we agreed: one body coordinates the Convention’s implementation; the action plan becomes a roadmap with a deadline and a responsible institution for each measure; progress is reported to the secretariat once a year.',
      'We share this for countries preparing such a mission: prepare the meeting with every institution, not only the focal point’s ministry.',
    ].join('\n\n'),
    topics: ['INSTITUTIONAL_CAPACITY', 'ACTION_PLAN', 'LEGISLATION'],
    audience: NETWORK,
    links: [CONVENTION_PAGE],
  }),
  comment(
    'ukraine/high-level-mission-practice/secretariat-comment',
    '2018-04-24T09:00:00Z',
    'secretariat',
    'PRACTICE',
    ID.ukrainePractice,
    'Thank you for sharing this so quickly. The roadmap can be reviewed at the next meeting of the Working Group on Implementation.',
  ),
  comment(
    'ukraine/high-level-mission-practice/by-comment',
    '2018-04-26T08:00:00Z',
    'by-focal-point',
    'PRACTICE',
    ID.ukrainePractice,
    'A roadmap with one responsible institution per measure is what made our commission effective too. We can share our annual work plan as a model.',
  ),
  comment(
    'ukraine/high-level-mission-practice/md-comment',
    '2018-05-04T07:00:00Z',
    'md-participant',
    'PRACTICE',
    ID.ukrainePractice,
    'Did the mission also discuss the notification of hazardous activities near the Dniester? It concerns both our countries.',
  ),

  // Awareness raising for a Kyrgyz–Uzbek delegation, 6 June 2018.
  activity('central-asia-project/kg-uz-awareness', '2018-06-08T04:00:00Z', 'kg-focal-point', ID.centralAsiaProject, {
    kind: 'TRAINING',
    title: 'Awareness-raising workshop for a Kyrgyz–Uzbek delegation',
    startsOn: '2018-06-06T00:00:00Z',
    countries: ['KG', 'UZ'],
    outcome:
      'Officials of both countries learned the Convention’s procedures for notification and consultation on hazardous activities in shared river basins.',
  }),

  // The tailings-safety pilot in Kazakhstan: proposed, joined, endorsed, started.
  proposal('tailings-pilot/proposed', '2018-07-10T05:00:00Z', 'kz-focal-point', {
    type: 'ProposeJointProject',
    proposalId: ID.tailingsProject,
    title: 'Tailings safety in Kazakhstan: a pilot for Central Asia',
    objectives: [
      'Improve the safety of tailings management facilities in Kazakhstan with the Convention’s safety guidelines and checklist, as a pilot that the other Central Asian countries can follow.',
      'Rate the hazard of the facilities, map them, visit a site to apply the checklist with the operator and the inspectors, and share the results at a subregional workshop.',
    ].join('\n\n'),
    topics: ['TAILINGS_SAFETY', 'HOT_SPOTS', 'RISK_ASSESSMENT', 'ACCIDENTAL_WATER_POLLUTION'],
    durationMonths: 24,
    partnerCountries: ['KG', 'TJ', 'UZ'],
    audience: NETWORK,
  }),
  watches('2018-07-12T04:00:00Z', 'kg-participant', 'PROPOSAL', ID.tailingsProject),
  joinsPilot(
    'KG',
    '2018-07-16T04:00:00Z',
    'Kyrgyzstan joins: our tailings facilities upstream of the Fergana valley need the same rating.',
  ),
  joinsPilot('UZ', '2018-07-18T05:00:00Z', 'Uzbekistan joins as a downstream country.'),
  joinsPilot(
    'TJ',
    '2018-07-23T04:00:00Z',
    'Tajikistan joins and would like to apply the checklist at one of its facilities.',
  ),
  proposal('tailings-pilot/submitted', '2018-07-25T05:00:00Z', 'kz-focal-point', {
    type: 'SubmitProposal',
    proposalId: ID.tailingsProject,
  }),
  proposal('tailings-pilot/endorsed', '2018-08-02T09:00:00Z', 'secretariat', {
    type: 'ReviewProposal',
    proposalId: ID.tailingsProject,
    decision: 'ENDORSE',
    note: 'Endorsed as a pilot: please share the hazard rating method with the partners before the site visit.',
  }),

  // The guide and the final subregional workshop of the Central Asia project.
  activity('central-asia-project/guide', '2018-09-03T05:00:00Z', 'kz-focal-point', ID.centralAsiaProject, {
    kind: 'PUBLICATION',
    title: 'The project’s guide on strengthening industrial safety',
    startsOn: '2018-08-31T00:00:00Z',
    countries: CENTRAL_ASIA,
    outcome:
      'The guide gathers what the five national expert groups learned: designating authorities, identifying hazardous activities, the self-assessment and the action plan.',
    links: [GUIDE],
  }),
  activity('central-asia-project/final-workshop', '2018-09-28T05:00:00Z', 'kz-focal-point', ID.centralAsiaProject, {
    kind: 'SUBREGIONAL_WORKSHOP',
    title: 'Final subregional workshop of the Central Asia project',
    startsOn: '2018-09-25T00:00:00Z',
    endsOn: '2018-09-26T00:00:00Z',
    venue: 'Almaty',
    countries: CENTRAL_ASIA,
    outcome:
      'The five countries presented their self-assessments and action plans, discussed the guide, and agreed to consult each other on hazardous activities near their borders.',
    links: [GUIDE],
  }),
  proposal('tailings-pilot/started', '2018-10-01T05:00:00Z', 'kz-focal-point', {
    type: 'StartImplementation',
    proposalId: ID.tailingsProject,
    startedOn: new Date('2018-10-01T00:00:00Z'),
  }),

  // An illustrative transboundary consultation between Central Asian neighbours.
  consultation('consultation/requested', '2018-10-15T04:00:00Z', 'kg-focal-point', {
    type: 'RequestConsultation',
    consultationId: ID.consultation,
    title: 'Illustrative example: extending a tailings facility upstream of the Mailuu-Suu river',
    hazardousActivity: 'Extension of a tailings management facility of a mining enterprise (illustrative example)',
    location: 'Jalal-Abad region, Kyrgyzstan, upstream of the Mailuu-Suu river (illustrative example)',
    body: [
      'ILLUSTRATIVE EXAMPLE: this consultation did not take place. It is part of the demonstration data and shows how a consultation on a hazardous activity with possible transboundary effects runs between neighbours.',
      'The operator plans to raise the dam of a tailings facility by eight metres. A failure of the dam could release tailings into the Mailuu-Suu river, which flows into the Fergana valley. We send the information of Annex III and ask the consulted countries for their position by 14 December.',
    ].join('\n\n'),
    topics: ['TRANSBOUNDARY_CONSULTATION', 'TAILINGS_SAFETY', 'ACCIDENTAL_WATER_POLLUTION'],
    consultedCountries: ['UZ', 'KZ'],
    respondBy: new Date('2018-12-14T12:00:00Z'),
    audience: CENTRAL_ASIA_ONLY,
  }),
  consultation('consultation/uz-first-response', '2018-11-01T05:00:00Z', 'uz-focal-point', {
    type: 'RespondToConsultation',
    consultationId: ID.consultation,
    position: 'NEEDS_MORE_INFORMATION',
    body: 'Illustrative response: please send the dam-break study and the emergency plan, including the warning of the population downstream.',
  }),
  comment(
    'consultation/kg-comment',
    '2018-11-06T04:00:00Z',
    'kg-participant',
    'CONSULTATION',
    ID.consultation,
    'Illustrative: the dam-break study and the off-site emergency plan are now attached to the file sent to both focal points.',
  ),
  activity('tailings-pilot/inception-workshop', '2018-11-12T05:00:00Z', 'kz-focal-point', ID.tailingsProject, {
    kind: 'INCEPTION_WORKSHOP',
    title: 'Inception workshop of the tailings-safety pilot',
    startsOn: '2018-11-07T00:00:00Z',
    endsOn: '2018-11-08T00:00:00Z',
    venue: 'Astana',
    countries: ['KZ', 'KG', 'TJ', 'UZ'],
    outcome:
      'The ministries, inspectors and operators agreed the work plan: a hazard rating of the facilities, a map, a site visit and a subregional workshop.',
  }),
  consultation('consultation/uz-revised-response', '2018-11-20T05:00:00Z', 'uz-focal-point', {
    type: 'RespondToConsultation',
    consultationId: ID.consultation,
    position: 'POSSIBLE_EFFECTS',
    body: 'Illustrative response: with the study, we see possible effects on the water intakes of the Fergana valley. We ask for a joint exercise of the warning procedure before the works start.',
  }),
  consultation('consultation/kz-response', '2018-12-03T05:00:00Z', 'kz-focal-point', {
    type: 'RespondToConsultation',
    consultationId: ID.consultation,
    position: 'NO_SIGNIFICANT_EFFECTS',
    body: 'Illustrative response: at the distance of our territory, we expect no significant effects, and ask to be notified through the Industrial Accident Notification System in case of an incident.',
  }),
  consultation('consultation/concluded', '2018-12-20T04:00:00Z', 'kg-focal-point', {
    type: 'ConcludeConsultation',
    consultationId: ID.consultation,
    conclusion:
      'Illustrative conclusion: the works may proceed on two conditions agreed with Uzbekistan: a joint exercise of the warning procedure before the dam is raised, and a yearly exchange of the facility’s monitoring data.',
  }),

  // Evaluation and completion of the Central Asia project.
  activity('central-asia-project/evaluation', '2019-02-05T05:00:00Z', 'kz-focal-point', ID.centralAsiaProject, {
    kind: 'EVALUATION',
    title: 'Evaluation of the Central Asia project',
    startsOn: '2018-10-15T00:00:00Z',
    endsOn: '2019-01-31T00:00:00Z',
    countries: CENTRAL_ASIA,
    outcome:
      'Every country designated its competent authorities and focal point and completed its self-assessment and action plan; four of the five connected to the Industrial Accident Notification System.',
  }),
  proposal('central-asia-project/completed', '2019-02-12T05:00:00Z', 'kz-focal-point', {
    type: 'CompleteProject',
    proposalId: ID.centralAsiaProject,
    completedOn: new Date('2019-01-31T00:00:00Z'),
    evaluation: [
      'The project met its objectives. Competent authorities and focal points are designated in all five countries; Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan have a point of contact for the Industrial Accident Notification System; every country completed its self-assessment and its action plan.',
      'The national expert groups proved the most lasting result: they keep meeting after the project. The guide and the trainers trained in Almaty carry the method on. Next steps proposed: the safety of tailings facilities, and consultations between neighbours on hazardous activities near the borders.',
    ].join('\n\n'),
  }),
  comment(
    'central-asia-project/secretariat-comment',
    '2019-02-13T09:00:00Z',
    'secretariat',
    'PROPOSAL',
    ID.centralAsiaProject,
    'Congratulations to the five countries. The results will be presented to the Conference of the Parties, and the tailings-safety pilot in Kazakhstan continues the work.',
  ),

  // The Central Asian profiles as they stood after the project.
  profileAfterProject('KZ', '2019-02-18T05:00:00Z', {
    competentAuthorities: [
      'Committee for Emergency Situations, Ministry of Internal Affairs',
      'Committee for Industrial Safety',
      'Ministry of Energy (environmental protection)',
    ],
    focalPoint: 'Committee for Emergency Situations, Ministry of Internal Affairs',
    ianPointOfContact: 'Crisis management centre of the Committee for Emergency Situations (24 hours)',
  }),
  profileAfterProject('KG', '2019-02-19T04:00:00Z', {
    competentAuthorities: [
      'Ministry of Emergency Situations',
      'State Inspectorate for Environmental and Technical Safety',
    ],
    focalPoint: 'Ministry of Emergency Situations',
    ianPointOfContact: 'Crisis management centre of the Ministry of Emergency Situations (24 hours)',
  }),
  profileAfterProject('TJ', '2019-02-20T04:00:00Z', {
    competentAuthorities: [
      'Committee of Emergency Situations and Civil Defence',
      'Committee for Environmental Protection',
    ],
    focalPoint: 'Committee of Emergency Situations and Civil Defence',
    ianPointOfContact: 'Operational duty service of the Committee of Emergency Situations and Civil Defence',
  }),
  profileAfterProject('TM', '2019-02-21T05:00:00Z', {
    competentAuthorities: [
      'Civil protection and rescue service',
      'Ministry of Agriculture and Environmental Protection',
    ],
    focalPoint: 'Civil protection and rescue service',
    ianPointOfContact: null,
  }),
  profileAfterProject('UZ', '2019-02-22T05:00:00Z', {
    competentAuthorities: ['Ministry of Emergency Situations', 'State Committee for Industrial Safety'],
    focalPoint: 'Ministry of Emergency Situations',
    ianPointOfContact: 'Information and analytical centre of the Ministry of Emergency Situations (24 hours)',
  }),

  // 2019: the network at work after the project.
  question('central-asia/ian-question', '2019-03-12T05:00:00Z', 'tm-participant', {
    type: 'AskQuestion',
    questionId: ID.ianQuestion,
    title: 'How does your IAN point of contact stay reachable at any hour?',
    body: 'We are preparing to designate our point of contact for the Industrial Accident Notification System. How do you make sure a notification is received at night and on holidays, and how often do you test it?',
    topics: ['IAN_SYSTEM', 'NOTIFICATION', 'COMPETENT_AUTHORITIES'],
    audience: NETWORK,
  }),
  question('central-asia/ian-question/kz-answer', '2019-03-14T05:00:00Z', 'kz-participant', {
    type: 'AnswerQuestion',
    questionId: ID.ianQuestion,
    answerId: ID.ianAnswerKz,
    body: 'Our point of contact is the crisis management centre, staffed around the clock. The duty officer has a checklist for an incoming notification. We take part in every connectivity test the secretariat runs, and run one of our own each quarter.',
  }),
  question('central-asia/ian-question/uz-answer', '2019-03-18T05:00:00Z', 'uz-focal-point', {
    type: 'AnswerQuestion',
    questionId: ID.ianQuestion,
    answerId: ID.ianAnswerUz,
    body: 'The same in our case: the ministry’s information and analytical centre works 24 hours. What helped most was giving the centre the list of hazardous activities near the borders, so it knows at once what a notification may concern.',
  }),
  question('central-asia/ian-question/accepted', '2019-03-25T05:00:00Z', 'tm-participant', {
    type: 'AcceptAnswer',
    questionId: ID.ianQuestion,
    answerId: ID.ianAnswerKz,
  }),
  activity('tailings-pilot/hazard-rating', '2019-04-15T05:00:00Z', 'kz-focal-point', ID.tailingsProject, {
    kind: 'PUBLICATION',
    title: 'Hazard rating list and map of tailings facilities in Kazakhstan',
    startsOn: '2019-04-10T00:00:00Z',
    countries: ['KZ'],
    outcome:
      'Every facility rated with the same method and placed on a map with the rivers and settlements downstream; the highest-rated ones are the candidates for the site visit.',
  }),
  practice('tailings-pilot/hazard-rating-practice', '2019-04-22T05:00:00Z', 'kz-participant', {
    type: 'SharePractice',
    practiceId: ID.tailingsPractice,
    title: 'Rating the hazard of tailings facilities with one method and one map',
    summary:
      'From the tailings-safety pilot: one rating method for every facility (volume, dam condition, what lies downstream), and one map with the rivers and settlements, so that inspections start where the hazard is highest.',
    body: 'The rating combines the volume of tailings, the toxicity of what they hold, the condition of the dam and what lies downstream, including rivers that cross a border. We rated the facilities with the operators and the inspectors together, which also checked the data. The map is shared with the emergency service and with the neighbouring countries’ focal points.',
    topics: ['TAILINGS_SAFETY', 'HOT_SPOTS', 'RISK_ASSESSMENT'],
    audience: NETWORK,
  }),
  practice('tailings-pilot/hazard-rating-practice/kg-adopts', '2019-05-06T04:00:00Z', 'kg-participant', {
    type: 'AdoptPractice',
    practiceId: ID.tailingsPractice,
    note: 'We will rate our facilities in the Mailuu-Suu area with the same method.',
  }),
  activity('tailings-pilot/site-visit', '2019-06-14T05:00:00Z', 'kz-focal-point', ID.tailingsProject, {
    kind: 'SITE_VISIT',
    title: 'Site visit to a tailings facility with the safety checklist',
    startsOn: '2019-06-11T00:00:00Z',
    endsOn: '2019-06-12T00:00:00Z',
    countries: ['KZ'],
    outcome:
      'Inspectors and the operator applied the checklist together; the findings go into the operator’s improvement plan.',
  }),
  activity('tailings-pilot/subregional-workshop', '2019-10-25T05:00:00Z', 'kz-focal-point', ID.tailingsProject, {
    kind: 'SUBREGIONAL_WORKSHOP',
    title: 'Subregional workshop on the safety of tailings facilities in Central Asia',
    startsOn: '2019-10-22T00:00:00Z',
    endsOn: '2019-10-23T00:00:00Z',
    countries: ['KZ', 'KG', 'TJ', 'UZ'],
    outcome:
      'Kazakhstan presented the rating, the map and the site visit; the partners discussed applying the method in their own countries.',
  }),
  comment(
    'tailings-pilot/tj-comment',
    '2019-10-28T04:00:00Z',
    'tj-focal-point',
    'PROPOSAL',
    ID.tailingsProject,
    'Tajikistan would like to apply the checklist at one facility next year; we will propose it as an activity of this project.',
  ),
]);

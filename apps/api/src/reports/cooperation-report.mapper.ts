import { countryInfo } from '@coop/domain';
import { type CooperationReportView, isItemViewOf, type ItemView, type ProfileSummary } from '@coop/read-model';
import { activityCountModels, countryActivityModel } from '../audit/cooperation-stats.mapper.js';
import { proposalModel } from '../proposals/proposal.mapper.js';
import type { JointProjectProposal } from '../proposals/proposal.types.js';
import type { CooperationReport, ProfileSummary as ProfileSummaryModel } from './cooperation-report.types.js';

const proposalModels = (views: readonly ItemView[]): JointProjectProposal[] =>
  views.flatMap((view) => (isItemViewOf(view, 'PROPOSAL') ? [proposalModel(view)] : []));

const profileSummaryModel = (summary: ProfileSummary): ProfileSummaryModel => ({
  countriesWithCompetentAuthorities: summary.countriesWithCompetentAuthorities.map(countryInfo),
  countriesWithIanPointOfContact: summary.countriesWithIanPointOfContact.map(countryInfo),
  selfAssessmentsCompleted: summary.selfAssessmentsCompleted.map(countryInfo),
  actionPlansCompleted: summary.actionPlansCompleted.map(countryInfo),
});

export function cooperationReportModel(report: CooperationReportView): CooperationReport {
  return {
    from: report.from,
    to: report.to,
    byCountry: report.byCountry.map(countryActivityModel),
    bySubregion: report.bySubregion.map((row) => ({
      subregion: row.subregion,
      total: row.total,
      counts: activityCountModels(row.counts),
    })),
    byTopic: report.byTopic.map(({ topic, total }) => ({ topic, total })),
    countryLinks: report.countryLinks.map((link) => ({
      countries: link.countries.map(countryInfo),
      answers: link.answers,
      adoptions: link.adoptions,
      projects: link.projects,
      consultations: link.consultations,
      total: link.total,
    })),
    profiles: profileSummaryModel(report.profiles),
    endorsedProjects: proposalModels(report.endorsedProjects),
    completedProjects: proposalModels(report.completedProjects),
  };
}

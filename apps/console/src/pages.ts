import type { ComponentType } from 'preact';
import type { Viewer } from './api/types';
import { RequestConsultationPage } from './consultations/request-consultation-page';
import { CountriesPage } from './countries/countries-page';
import { CountryProfilePage } from './countries/country-profile-page';
import { FeedPage } from './feed/feed-page';
import { ItemPage } from './items/item-page';
import { NotificationsPage } from './notifications/notifications-page';
import { UnreadBadge } from './notifications/unread-badge';
import { SearchPage } from './search/search-page';
import { AuditPage } from './secretariat/audit-page';
import { ReportPage } from './secretariat/report-page';
import { StatisticsPage } from './secretariat/statistics-page';
import { isFocalPoint, isSecretariat } from './session/session';

export interface Page {
  readonly path: string;
  /** Reads the path's parameters with preact-iso's `useRoute`. */
  readonly component: ComponentType;
  /** Pages with a place in the navigation: the catalogue key of the link, and who sees it. */
  readonly nav?: {
    readonly label: string;
    readonly shownTo: (viewer: Viewer) => boolean;
    /** Shown after the link's label, e.g. a count. */
    readonly badge?: ComponentType;
  };
}

const everyone = () => true;

/** Every page of the console; a new page is one entry here (and its catalogue entries). */
export const PAGES: readonly Page[] = [
  { path: '/', component: FeedPage, nav: { label: 'nav.feed', shownTo: everyone } },
  { path: '/items/:id', component: ItemPage },
  {
    path: '/notifications',
    component: NotificationsPage,
    nav: { label: 'nav.notifications', shownTo: everyone, badge: UnreadBadge },
  },
  { path: '/search', component: SearchPage, nav: { label: 'nav.search', shownTo: everyone } },
  {
    path: '/consultations/new',
    component: RequestConsultationPage,
    nav: { label: 'nav.requestConsultation', shownTo: isFocalPoint },
  },
  { path: '/countries', component: CountriesPage, nav: { label: 'nav.countries', shownTo: everyone } },
  { path: '/countries/:code', component: CountryProfilePage },
  { path: '/secretariat/audit', component: AuditPage, nav: { label: 'nav.audit', shownTo: isSecretariat } },
  {
    path: '/secretariat/statistics',
    component: StatisticsPage,
    nav: { label: 'nav.statistics', shownTo: isSecretariat },
  },
  { path: '/secretariat/report', component: ReportPage, nav: { label: 'nav.report', shownTo: isSecretariat } },
];

// The render stage: a view model built from plain data, rendered by a Nunjucks theme into files.
export { buildSiteView } from './build-site-view.ts';
export type { SiteViewInput } from './build-site-view.ts';
export { renderSite } from './render-site.ts';
export type { RenderOptions } from './render-site.ts';
export type { DateView, DayView, EntryView, FeedView, PlanetView, SiteLinks, SiteView } from './view-model.ts';
export type { FeedHealthView, HealthPageView, SparklineView } from './view-model.ts';
export type { TemplateFiles } from './template-files.ts';
export type { Planet2Settings } from './planet2-vars.ts';

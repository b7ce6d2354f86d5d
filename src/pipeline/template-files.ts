import type { PlanetConfig } from '../model/index.ts';
import type { TemplateFiles } from '../render/index.ts';

/** The config's template_files as the render stage takes them; undefined when the theme's pages are the site. */
export function templateFilesOf(config: PlanetConfig): TemplateFiles | undefined {
  const { planet } = config;
  if (planet.templateFiles === undefined || planet.templateFiles.length === 0) return undefined;
  const planet2 = {
    // Planet 2.0's defaults, for configs built without the schema (tests, embedders).
    dateFormat: planet.dateFormat ?? '%B %d, %Y %I:%M %p',
    newDateFormat: planet.newDateFormat ?? '%B %d, %Y',
    activityThreshold: planet.activityThreshold,
  };
  // A template's own settings over the planet's, as Planet 2.0 read its template sections.
  const perFile = new Map((planet.templateOptions ?? []).map((own) => [own.file, {
    planet2: {
      dateFormat: own.dateFormat ?? planet2.dateFormat,
      newDateFormat: own.newDateFormat ?? planet2.newDateFormat,
      activityThreshold: own.activityThreshold ?? planet2.activityThreshold,
      ...((own.itemsPerPage !== undefined || own.daysPerPage !== undefined) && {
        paging: { itemsPerPage: own.itemsPerPage ?? planet.itemsPerPage, daysPerPage: own.daysPerPage ?? planet.daysPerPage },
      }),
    },
    encoding: own.encoding ?? planet.encoding,
  }]));
  return {
    files: planet.templateFiles,
    encoding: planet.encoding,
    billOfMaterials: planet.billOfMaterials,
    planet2,
    ...(perFile.size > 0 && { perFile }),
  };
}

/** How many of the newest entries a build needs: the planet's pages, and any template's own items_per_page. */
export function entriesNeeded(config: PlanetConfig): number {
  const { planet } = config;
  return Math.max(planet.itemsPerPage, planet.archiveEntries, ...(planet.templateOptions ?? []).map((own) => own.itemsPerPage ?? 0));
}

/** The per-feed keys the view model needs from the config (hidden, extra), by feed URL. */
export function feedSettingsOf(config: PlanetConfig): Record<string, { hidden?: boolean; extra?: Readonly<Record<string, string>> }> {
  return Object.fromEntries(config.feeds.map((feed) => [feed.url, { hidden: feed.hidden, extra: feed.extra }]));
}

import type { PlanetConfig } from '../model/index.ts';
import type { TemplateFiles } from '../render/index.ts';

/** The config's template_files as the render stage takes them; undefined when the theme's pages are the site. */
export function templateFilesOf(config: PlanetConfig): TemplateFiles | undefined {
  const { planet } = config;
  if (planet.templateFiles === undefined || planet.templateFiles.length === 0) return undefined;
  return {
    files: planet.templateFiles,
    encoding: planet.encoding,
    billOfMaterials: planet.billOfMaterials,
    planet2: {
      // Planet 2.0's defaults, for configs built without the schema (tests, embedders).
      dateFormat: planet.dateFormat ?? '%B %d, %Y %I:%M %p',
      newDateFormat: planet.newDateFormat ?? '%B %d, %Y',
      activityThreshold: planet.activityThreshold,
    },
  };
}

/** The per-feed keys the view model needs from the config (hidden, extra), by feed URL. */
export function feedSettingsOf(config: PlanetConfig): Record<string, { hidden?: boolean; extra?: Readonly<Record<string, string>> }> {
  return Object.fromEntries(config.feeds.map((feed) => [feed.url, { hidden: feed.hidden, extra: feed.extra }]));
}

// The [planet] keys of Planet 2.0's template output: template_files, date formats, encoding, bill_of_materials.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError } from '../model/index.ts';
import { parseConfig } from './index.ts';

const file = '/srv/planet/planet.toml';
const planet = (extra: string): string => `[planet]\nname = "P"\nlink = "https://p.example/"\n${extra}\n`;

describe('template settings in [planet]', () => {
  it("defaults to Planet 2.0's date formats, UTF-8 and the theme's pages", () => {
    const { planet: settings } = parseConfig(planet(''), file);
    assert.deepEqual(
      [settings.templateFiles, settings.dateFormat, settings.newDateFormat, settings.encoding, settings.billOfMaterials],
      [undefined, '%B %d, %Y %I:%M %p', '%B %d, %Y', 'utf-8', undefined],
    );
  });

  it('reads every key; template paths are resolved against the config', () => {
    const { planet: settings } = parseConfig(
      planet(
        'template_files = ["templates/index.html.tmpl", "/abs/opml.xml.njk"]\ndate_format = "%d.%m.%Y"\nnew_date_format = "%A"\n' +
          'encoding = "iso-8859-1"\nbill_of_materials = ["planet.css", "images/logo.png"]',
      ),
      file,
    );
    assert.deepEqual(settings.templateFiles, ['/srv/planet/templates/index.html.tmpl', '/abs/opml.xml.njk']);
    assert.deepEqual(
      [settings.dateFormat, settings.newDateFormat, settings.encoding, settings.billOfMaterials],
      ['%d.%m.%Y', '%A', 'iso-8859-1', ['planet.css', 'images/logo.png']],
    );
  });

  it("accepts Planet 2.0's xml / html / sgml encodings", () => {
    assert.equal(parseConfig(planet('encoding = "xml"'), file).planet.encoding, 'xml');
  });

  it('rejects a template of no known engine, an unknown encoding and materials outside the template directories', () => {
    assert.throws(
      () => parseConfig(planet('template_files = ["index.html"]\nencoding = "klingon-8"\nbill_of_materials = ["../secret"]'), file),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.match(error.message, /\[planet\] template_files: "index\.html" must end in \.tmpl \(htmltmpl\) or \.njk \(Nunjucks\)/);
        assert.match(error.message, /\[planet\] encoding: "klingon-8" is not an encoding Planet can write/);
        assert.match(error.message, /\[planet\] bill_of_materials: "\.\.\/secret" must be a path inside the template directories/);
        return true;
      },
    );
  });
});

describe('[[template_options]]', () => {
  const files = 'template_files = ["templates/index.html.tmpl", "templates/rss20.xml.tmpl", "names.txt.njk"]';

  it('reads one template\'s own settings; keys left out take the [planet] value', () => {
    const { planet: settings } = parseConfig(
      `${planet(`${files}\nitems_per_page = 30`)}\n[[template_options]]\nfile = "templates/rss20.xml.tmpl"\nitems_per_page = 10\n` +
        'days_per_page = 2\ndate_format = "%Y"\nnew_date_format = "%A"\nencoding = "xml"\nactivity_threshold = 7\n',
      file,
    );
    assert.deepEqual(settings.templateOptions, [
      { file: '/srv/planet/templates/rss20.xml.tmpl', itemsPerPage: 10, daysPerPage: 2, dateFormat: '%Y', newDateFormat: '%A', encoding: 'xml', activityThreshold: 7 },
    ]);
    assert.equal(settings.itemsPerPage, 30);
    assert.equal(parseConfig(planet(files), file).planet.templateOptions, undefined);
  });

  it('names a table for no template, for a Nunjucks template, twice for one template, or with a bad value', () => {
    const table = (body: string): string => `\n[[template_options]]\n${body}\n`;
    assert.throws(
      () =>
        parseConfig(
          planet(files) +
            table('file = "index.html.tmpl"') +
            table('file = "names.txt.njk"\nitems_per_page = 5') +
            table('file = "templates/index.html.tmpl"\nitems_per_page = 5') +
            table('file = "templates/index.html.tmpl"\ndays_per_page = 1') +
            table('file = "templates/rss20.xml.tmpl"\nencoding = "klingon-8"\nitems_per_page = 0') +
            table('items_per_page = 5'),
          file,
        ),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        const lines = error.message.split('\n').slice(1).map((line) => line.trim());
        assert.deepEqual(lines, [
          `${file}: [[template_options]] #1 file: "index.html.tmpl" is not one of the templates: [planet] template_files has "templates/index.html.tmpl", "templates/rss20.xml.tmpl", "names.txt.njk"`,
          `${file}: [[template_options]] #2 file: "names.txt.njk" is a Nunjucks template; [[template_options]] applies to htmltmpl (*.tmpl) templates, and a Nunjucks one can compute what it needs from the view`,
          `${file}: [[template_options]] #4 file: "templates/index.html.tmpl" already has a [[template_options]] table; merge the two`,
          `${file}: [[template_options]] #5 items_per_page: expected a number of at least 1, got 0`,
          `${file}: [[template_options]] #5 encoding: "klingon-8" is not an encoding Planet can write; use e.g. "utf-8", "iso-8859-1" or "windows-1252"`,
          `${file}: [[template_options]] #6 file: is required (The template, as written in template_files.)`,
        ]);
        return true;
      },
    );
  });
});

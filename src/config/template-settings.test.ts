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

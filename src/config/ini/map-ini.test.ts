import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../../model/index.ts';
import { bcp47 } from './map-planet.ts';
import { parseIniConfig } from './load-ini.ts';

const fixture = (name: string): string => fileURLToPath(new URL(`testdata/${name}`, import.meta.url));
const load = (name: string) => parseIniConfig(readFileSync(fixture(name), 'utf8'), fixture(name));
const fromText = (ini: string) => parseIniConfig(ini, '/planets/example/config.ini', '/planets');
const planet = '[Planet]\nname = P\nlink = https://planet.example.org/\n';

describe('a Planet 2.0-style config.ini becomes the native PlanetConfig', () => {
  const config = load('planet2-style.ini');
  const dir = fileURLToPath(new URL('testdata/', import.meta.url));

  it('maps the [Planet] option set of Planet Python', () => {
    assert.equal(config.format, 'ini');
    assert.deepEqual(config.warnings, []);
    assert.equal(config.planet.name, 'Planet Example');
    assert.equal(config.planet.link, 'https://planet.example.org/');
    assert.equal(config.planet.ownerName, 'Example Software Foundation');
    assert.equal(config.planet.ownerEmail, 'planet@example.org');
    assert.equal(config.planet.itemsPerPage, 25);
    assert.equal(config.planet.daysPerPage, 10);
    assert.equal(config.entries.newFeedItems, 1);
    assert.equal(config.planet.activityThreshold, 180);
    assert.equal(config.planet.dateFormat, '%B %d, %Y %I:%M %p %Z');
    assert.equal(config.planet.newDateFormat, '%B %d, %Y');
    assert.equal(config.planet.encoding, 'utf-8');
    assert.equal(config.planet.locale, 'en-GB');
    // feed_timeout 20.5 s, rounded up to whole seconds.
    assert.equal(config.fetch.timeoutMs, 21_000);
    assert.equal(config.planet.outputDir, `${dir}output`);
    assert.equal(config.planet.database, `${dir}cache/planet.db`);
    assert.deepEqual(config.planet.templateFiles, ['index', 'rss20', 'opml', 'foafroll'].map((t) => `${dir}templates/${t}${t === 'index' ? '.html' : '.xml'}.tmpl`));
    assert.equal(config.filters?.filter, 'python');
  });

  it('maps feed sections: name, hidden, filters, entry options, and other keys as extra', () => {
    assert.deepEqual(config.feeds.map((f) => f.url), ['http://blog.example.org/feed/', 'https://bob.example.net/atom.xml?tag=python', 'https://carol.example.com/rss']);
    const [alice, bob, carol] = config.feeds;
    assert.equal(alice?.name, 'Alice Example');
    assert.deepEqual(alice?.extra, { face: 'alice.png', facewidth: '64', faceheight: '80' });
    assert.equal(alice?.hidden, undefined);
    assert.equal(bob?.hidden, true);
    assert.ok(carol?.filters?.exclude !== undefined);
    assert.deepEqual(carol?.entryOptions?.ignoreInFeed, ['updated', 'author']);
  });

  it('reads the template section as a template, not as a feed', () => {
    assert.equal(config.feeds.some((f) => f.url.includes('tmpl')), false);
  });
});

describe('option conversions', () => {
  it('keeps Planet 2.0 defaults that differ from ours when the option is absent', () => {
    const config = fromText(planet);
    assert.equal(config.planet.activityThreshold, 0);
    assert.equal(config.entries.newFeedItems, 10);
  });

  it('new_feed_items = 0 (Planet 2.0: no limit) shows every entry', () => {
    assert.ok(fromText(`${planet}new_feed_items = 0\n`).entries.newFeedItems >= 1_000_000);
  });

  it('spider_threads, cache_keep_entries, future_dates', () => {
    const config = fromText(`${planet}spider_threads = 8\ncache_keep_entries = 20\nfuture_dates = ignore_entry\n`);
    assert.equal(config.fetch.concurrency, 8);
    assert.equal(config.entries.keepPerFeed, 20);
    assert.equal(config.entries.futureDates, 'ignore_entry');
  });

  it('a Venus output_theme: its templates before the planet\'s, its files copied when beside a template', () => {
    const config = load('venus-theme/config.ini');
    const dir = fixture('venus-theme/');
    assert.deepEqual(config.planet.templateFiles, [`${dir}themes/fancy/index.html.tmpl`, `${dir}own.html.tmpl`]);
    assert.deepEqual(config.planet.billOfMaterials, ['fancy.css', 'own.css']);
    assert.deepEqual(config.warnings?.map((w) => w.replace(/^.*?config\.ini: /, '')), [
      '[Planet] template_files: atom.xml.xslt not rendered: Planet renders htmltmpl (.tmpl) and Nunjucks (.njk) templates, not XSLT, Genshi or Django ones; port it to one of those',
      '[Planet] bill_of_materials: images/feed.png not copied: Planet copies these files from the directories of template_files, and images/feed.png is elsewhere; move it beside the templates',
    ]);
  });

  it('Venus filters: excerpt.py width and regexp_sifter.py require/exclude become native filters', () => {
    const config = fromText(`${planet}filters = excerpt.py regexp_sifter.py?require=python\n\n[excerpt.py]\nwidth = 300\n\n[http://a.example.org/feed]\nfilters = regexp_sifter.py?exclude=spam\n`);
    assert.equal(config.filters?.excerpt, 300);
    assert.equal(config.filters?.filter, 'python');
    assert.equal(config.feeds[0]?.filters?.exclude, '(?:spam)');
    assert.deepEqual(config.warnings, []);
  });

  it('[Planet] entry options apply to every feed that does not set its own (Venus)', () => {
    const config = fromText(`${planet}ignore_in_feed = updated\n\n[http://a.example.org/feed]\n\n[http://b.example.org/feed]\nignore_in_feed = author\n`);
    assert.deepEqual(config.feeds.map((f) => f.entryOptions?.ignoreInFeed), [['updated'], ['author']]);
  });

  it('Venus *_type values (text, html, xhtml, MIME types) become text or html; name_type warns once', () => {
    const config = fromText(`${planet}name_type = html\n\n[http://a.example.org/feed]\ntitle_type = text/plain\ncontent_type = xhtml\nsummary_type = text/html\nname_type = html\n`);
    assert.deepEqual(config.feeds[0]?.entryOptions, { titleType: 'text', summaryType: 'html', contentType: 'html' });
    assert.equal(config.warnings?.length, 1);
    assert.match(config.warnings?.[0] ?? '', /\[Planet\] name_type \(also in 1 other section\): not supported/);
  });

  it('empty values are unset, as Planet read them; an empty feed option still overrides [Planet]', () => {
    const config = fromText(`${planet}owner_email =\nfeed_timeout =\nlocale =\nxml_base = feed_alternate\nfilter =\n\n[http://a.example.org/feed]\nname =\nxml_base =\n\n[http://b.example.org/feed]\n`);
    assert.equal(config.planet.ownerEmail, undefined);
    assert.equal(config.fetch.timeoutMs, 30_000);
    assert.equal(config.filters, undefined);
    assert.deepEqual(config.feeds.map((f) => [f.name, f.entryOptions?.xmlBase]), [['a.example.org', undefined], ['b.example.org', 'feed_alternate']]);
    assert.deepEqual(config.warnings, []);
  });

  it('decodes HTML character references in the names Planet 2.0 printed as HTML, and nowhere else', () => {
    const config = fromText(
      '[Planet]\nname = Planet Caf&eacute; &amp; Co\nlink = https://planet.example.org/\nowner_name = Beno&icirc;t &#x4E2D;\nowner_email = a&amp;b@example.org\n' +
        '\n[http://a.example.org/feed]\nname = Ga&#235;l Varoquaux\nface = ga&#235;l.png\n\n[http://b.example.org/feed]\nname = AT&T & Friends &lt;3\n',
    );
    assert.equal(config.planet.name, 'Planet Café & Co');
    assert.equal(config.planet.ownerName, 'Benoît 中');
    assert.deepEqual(config.feeds.map((f) => f.name), ['Gaël Varoquaux', 'AT&T & Friends <3']);
    // Not names: Planet 2.0's templates built URLs and addresses from these, so they stay as written.
    assert.equal(config.feeds[0]?.extra?.face, 'ga&#235;l.png');
    assert.equal(config.planet.ownerEmail, 'a&amp;b@example.org');
  });

  it('[DEFAULT] keys reach every feed as template values', () => {
    const config = fromText(`[DEFAULT]\nfacewidth = 64\n${planet}\n[http://a.example.org/feed]\nface = a.png\n`);
    assert.deepEqual(config.feeds[0]?.extra, { facewidth: '64', face: 'a.png' });
    assert.deepEqual(config.warnings, []);
  });

  it('reading lists', () => {
    const config = fromText(`${planet}\n[https://lists.example.org/blogroll.opml]\ncontent_type = opml\n`);
    assert.deepEqual(config.readingLists?.map((l) => [l.url, l.format]), [['https://lists.example.org/blogroll.opml', 'opml']]);
    assert.equal(config.feeds.length, 0);
  });

  it('Venus XSLT/Genshi/Django templates are left out with one warning; output_theme names a bundled theme', () => {
    const config = fromText(`${planet}output_theme = classic\ntemplate_files = index.html.tmpl atom.xml.xslt opml.xml.genshi\n`);
    assert.deepEqual(config.planet.templateFiles, ['/planets/example/index.html.tmpl']);
    assert.match(config.planet.themeDir, /themes\/classic$/);
    assert.equal(config.warnings?.length, 1);
    assert.match(config.warnings?.[0] ?? '', /\[Planet\] template_files: atom\.xml\.xslt, opml\.xml\.genshi not rendered: .*port them/);
  });

  it('Python locale names become BCP 47 tags', () => {
    assert.equal(bcp47('en_US.UTF-8'), 'en-US');
    assert.equal(bcp47('de_DE@euro'), 'de-DE');
    assert.equal(bcp47('C'), 'en');
    assert.equal(bcp47('xx_!!:fr_FR.ISO8859-1'), 'fr-FR');
  });
});

describe('bad values are named by their INI section and option', () => {
  const fails = (ini: string, pattern: RegExp): void => {
    assert.throws(() => fromText(ini), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, pattern);
      return true;
    });
  };
  it('a number that is not one', () => fails(`${planet}items_per_page = many\n`, /config\.ini:4: \[Planet\] items_per_page: expected a whole number, got "many"/));
  it('a value the validator rejects', () => fails(`${planet}days_per_page = -1\n`, /config\.ini:4: \[Planet\] days_per_page: expected a number of at least 0/));
  it('a feed section that is not a URL', () => fails(`${planet}\n[planet-python]\nname = X\n`, /config\.ini:5: \[planet-python\]: expected an http:\/\/ or https:\/\/ URL/));
  it('the same feed twice', () => fails(`${planet}\n[http://a.example.org/feed]\n\n[http://A.example.org/feed]\n`, /config\.ini:7: \[http:\/\/A\.example\.org\/feed\]: http:\/\/a\.example\.org\/feed is already subscribed as \[http:\/\/a\.example\.org\/feed\]/));
  it('a bad link', () => fails('[Planet]\nname = P\nlink = nowhere\n', /config\.ini:3: \[Planet\] link: expected an http/));
  it('a missing [Planet] section', () => fails('[http://a.example.org/feed]\nname = A\n', /\[Planet\] section is missing/));
});

describe('each unsupported option produces exactly one clear warning', () => {
  const warnings = load('unsupported.ini').warnings ?? [];
  // option (as the warning names it) -> the section it must name first.
  const expected: [string, string][] = [
    ['log_level', 'Planet'], ['log_format', 'Planet'], ['generator', 'Planet'], ['pubsubhubbub_hub', 'Planet'],
    ['output_theme', 'Planet'], ['filter_directories', 'Planet'], ['frobnicate', 'Planet'],
    ['filters', 'Planet'], ['filters', 'Planet'], ['filters', 'Planet'],
    ['future_dates', 'http://a.example.org/feed'], ['hidden', 'http://a.example.org/feed'],
    ['name', 'http://c.example.org/list.opml'], ['content_type', 'http://d.example.org/other-config.ini'],
  ];

  it('one line per unsupported option, however many sections repeat it', () => {
    assert.equal(warnings.length, expected.length, warnings.join('\n'));
    for (const [option, section] of expected) {
      assert.ok(warnings.some((w) => w.includes(`: [${section}] ${option}`)), `no warning for [${section}] ${option}:\n${warnings.join('\n')}`);
    }
  });

  it('each names the file, the section and option, and what happens instead', () => {
    for (const w of warnings) assert.match(w, /^config: \/.*unsupported\.ini: \[[^\]]+\] [a-z_]+( \(also in \d+ other sections?\))?: .{30,}/);
    const sed = warnings.filter((w) => w.includes('stripAd/feedburner.sed'));
    assert.equal(sed.length, 1);
    assert.match(sed[0] ?? '', /also in 2 other sections.*does not run Venus filter programs.*filterEntry\(entry, ctx\)/);
    assert.equal(warnings.filter((w) => w.includes('xhtml2html.plugin')).length, 1);
    assert.equal(warnings.filter((w) => w.includes('future_dates')).length, 1);
  });

  it('a template section sets that template\'s own values (Planet 2.0); equal values and other options do not', () => {
    const config = fromText(
      `${planet}items_per_page = 30\ndate_format = %d.%m.%Y\ntemplate_files = index.html.tmpl atom.xml.tmpl rss20.xml.tmpl\n\n` +
        '[index.html.tmpl]\nitems_per_page = 10\ndays_per_page = 3\nnew_date_format = %A %%d\noutput_dir = elsewhere\n\n' +
        '[atom.xml.tmpl]\nitems_per_page = 30\n\n[rss20.xml.tmpl]\nencoding = iso-8859-1\nactivity_threshold = 7\ndate_format = %Y\n',
    );
    assert.deepEqual(config.planet.templateOptions, [
      // new_date_format is read raw, as Planet read it: "%%" stays.
      { file: '/planets/example/index.html.tmpl', itemsPerPage: 10, daysPerPage: 3, newDateFormat: '%A %%d' },
      { file: '/planets/example/rss20.xml.tmpl', encoding: 'iso-8859-1', activityThreshold: 7, dateFormat: '%Y' },
    ]);
    assert.equal(config.planet.itemsPerPage, 30);
    assert.deepEqual(config.warnings?.map((w) => w.replace(/^.*?config\.ini: /, '')), [
      '[index.html.tmpl] output_dir: is not a per-template option here; the default applies to this template',
    ]);
  });

  it('a template section\'s bad value is named by its section and line', () => {
    const bad = (ini: string): string => {
      try {
        fromText(ini);
      } catch (error) {
        if (error instanceof ConfigError) return error.message;
      }
      return 'no error';
    };
    const templates = `${planet}template_files = index.html.tmpl\n\n[index.html.tmpl]\n`;
    assert.match(bad(`${templates}items_per_page = many\n`), /config\.ini:7: \[index\.html\.tmpl\] items_per_page: expected a whole number, got "many"/);
    assert.match(bad(`${templates}encoding = klingon\n`), /config\.ini:7: \[index\.html\.tmpl\] encoding: "klingon" is not an encoding Planet can write/);
  });
});

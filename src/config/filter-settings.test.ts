import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../model/index.ts';
import { parseConfig } from './index.ts';
import { pythonRegex } from './filter-settings.ts';

const file = '/srv/planet/planet.toml';
const head = '[planet]\nname = "P"\nlink = "https://planet.example/"\n';
const feed = (keys: string): string => `${head}\n[[feeds]]\nurl = "https://a.example/feed"\n${keys}\n`;

function problems(text: string, path = file): string {
  try {
    parseConfig(text, path);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.message;
  }
  return assert.fail('expected the config to be rejected');
}

describe('[filters], per-feed filters, entry options and [[reading_lists]]', () => {
  it('reads [filters] and the same keys on a feed, and the entry options', () => {
    const config = parseConfig(
      `${head}\n[filters]\nexclude = "(?i)spam"\nexcerpt = 200\n\n[[feeds]]\nurl = "https://a.example/feed"\ninclude_tags = ["Python"]\nfilter = "(?P<v>py)thon (?P=v)"\nignore_in_feed = ["updated", "Author"]\nxml_base = "feed_alternate"\ncontent_type = "text/plain"\ntitle_type = "html"\n`,
      file,
    );
    assert.deepEqual(config.filters, { exclude: 'spam', excerpt: 200 });
    assert.deepEqual(config.feeds[0]?.filters, { filter: '(?<v>py)thon \\k<v>', includeTags: ['Python'] });
    assert.deepEqual(config.feeds[0]?.entryOptions, { ignoreInFeed: ['updated', 'author'], xmlBase: 'feed_alternate', titleType: 'html', contentType: 'text' });
    assert.equal(config.readingLists, undefined);
    assert.equal(parseConfig(feed(''), file).feeds[0]?.filters, undefined, 'a feed without filter keys has none');
  });

  it('reports bad regexes, unknown fields, bad bases and types, missing plugins, each with file and key', () => {
    const message = problems(feed('filter = "a(b"\nignore_in_feed = ["udpated"]\nxml_base = "not a url"\nsummary_type = "markdown"\nplugins = ["filters/none.ts"]'));
    assert.match(message, /\[\[feeds\]\] #1 filter: is not a valid regular expression/);
    assert.match(message, /ignore_in_feed: unknown field udpated; known: id, title/);
    assert.match(message, /xml_base: expected an http\(s\) URL, "feed_alternate" or "entry_alternate", got "not a url"/);
    assert.match(message, /summary_type: expected "text" or "html"/);
    assert.match(message, /plugins: \/srv\/planet\/filters\/none\.ts does not exist; plugin paths are relative to the config file/);
    assert.match(problems(`${head}\n[filters]\ninclude_tag = ["x"]\n`), /\[filters\] include_tag: unknown key \(did you mean "include_tags"\?\)/);
  });

  it('resolves plugin paths and reading-list paths against the config; URLs stay URLs', () => {
    const here = fileURLToPath(new URL('./filter-settings.test.ts', import.meta.url));
    const config = parseConfig(
      `${head}\n[filters]\nplugins = ["filter-settings.test.ts"]\n\n[[reading_lists]]\nurl = "lists/team.opml"\n\n[[reading_lists]]\nurl = "https://lists.example/foaf.rdf"\nformat = "foaf"\n`,
      here,
    );
    assert.deepEqual(config.filters?.plugins, [here]);
    assert.deepEqual(config.readingLists, [{ url: here.replace(/filter-settings\.test\.ts$/, 'lists/team.opml') }, { url: 'https://lists.example/foaf.rdf', format: 'foaf' }]);
    assert.match(problems(`${head}\n[[reading_lists]]\nformat = "xml"\n`), /\[\[reading_lists\]\] #1 url: is required[\s\S]*#1 format: expected one of "opml", "foaf", "csv"/);
  });

  it('converts Python regex syntax', () => {
    assert.deepEqual(pythonRegex('(?i)(?P<year>\\d{4})-(?P=year)'), { source: '(?<year>\\d{4})-\\k<year>' });
    assert.ok('error' in pythonRegex('(unclosed'));
  });
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectFormat } from './detect.ts';

const cases: [string, string, string | undefined][] = [
  ['<?xml version="1.0"?>\n<!-- c --><rss version="2.0"/>', 'rss', 'rss'],
  ['<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>', 'rdf', 'rdf:RDF'],
  ['<feed xmlns="http://www.w3.org/2005/Atom"/>', 'atom', 'feed'],
  ['<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "b">]><rss/>', 'rss', 'rss'],
  ['<!DOCTYPE html><html><head></head></html>', 'html', 'html'],
  ['<?xml version="1.0"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x"><html/>', 'html', 'html'],
  ['<HTML><BODY>', 'html', 'HTML'],
  ['  {"version": "https://jsonfeed.org/version/1.1"}', 'json', undefined],
  ['<opml/>', 'unknown', 'opml'],
  ['plain text', 'unknown', undefined],
];

for (const [text, format, rootName] of cases) {
  test(`detectFormat(${JSON.stringify(text.slice(0, 40))})`, () => {
    const sniff = detectFormat(text);
    assert.equal(sniff.format, format);
    assert.equal(sniff.rootName, rootName);
  });
}

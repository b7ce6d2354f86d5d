// Entries per second on the real-world corpus's entry HTML: Planet's sanitizer against
// sanitize-html and hast-util-sanitize (hast-util-from-html + hast-util-to-html), in one run.
// Usage: node --import tsx bench/sanitize/sanitize-bench.ts [rounds]
import { fromHtml } from 'hast-util-from-html';
import { sanitize as hastSanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import sanitizeHtmlLib from 'sanitize-html';
import { loadRealworldHtml } from '../../src/e2e/realworld-entries.ts';
import { sanitizeHtml } from '../../src/sanitize/index.ts';

const rounds = Number(process.argv[2] ?? 7);
const entries = loadRealworldHtml();
const bytes = entries.reduce((n, e) => n + Buffer.byteLength(e.html), 0);

// sanitize-html set up to keep what Planet keeps, so that both do the same work.
const libOptions: sanitizeHtmlLib.IOptions = {
  allowedTags: [
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'div', 'span', 'section', 'article', 'aside', 'header', 'footer',
    'main', 'nav', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'pre', 'code', 'kbd', 'samp', 'var', 'cite', 'acronym', 'b', 'i',
    'em', 'strong', 'u', 's', 'mark', 'small', 'sub', 'sup', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th',
    'caption', 'colgroup', 'col', 'figure', 'figcaption', 'picture', 'source', 'details', 'summary', 'ruby', 'rt', 'rp',
    'a', 'img', 'time', 'abbr', 'blockquote', 'q', 'del', 'ins', 'video', 'audio', 'track',
  ],
  allowedAttributes: {
    a: ['href', 'title'], img: ['src', 'alt', 'title', 'width', 'height'], td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan'], ol: ['start'], time: ['datetime'], abbr: ['title'], blockquote: ['cite'], q: ['cite'],
    del: ['cite'], ins: ['cite'], source: ['srcset', 'src', 'type', 'media'], video: ['src', 'poster', 'width', 'height'],
    audio: ['src'], track: ['src', 'kind', 'srclang', 'label'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  transformTags: {
    a: sanitizeHtmlLib.simpleTransform('a', { rel: 'noopener noreferrer' }),
    img: sanitizeHtmlLib.simpleTransform('img', { loading: 'lazy', decoding: 'async' }),
  },
};

const contenders: Record<string, (html: string, baseUrl: string) => string> = {
  planet: (html, baseUrl) => sanitizeHtml(html, { baseUrl }),
  'sanitize-html': (html) => sanitizeHtmlLib(html, libOptions),
  'hast-util-sanitize': (html) => toHtml(hastSanitize(fromHtml(html, { fragment: true }))),
};

// Entries per second of this process's CPU time (user + system), not of the wall clock: on
// a shared machine the wall clock also counts the time other processes held the CPU.
function once(run: (html: string, baseUrl: string) => string): number {
  const started = process.cpuUsage();
  for (const { html, baseUrl } of entries) run(html, baseUrl);
  const used = process.cpuUsage(started);
  return entries.length / ((used.user + used.system) / 1e6);
}

const results = new Map<string, number[]>(Object.keys(contenders).map((name) => [name, []]));
for (const run of Object.values(contenders)) once(run); // warm-up
for (let round = 0; round < rounds; round++) {
  // Interleaved, so that a busy machine slows every contender alike.
  for (const [name, run] of Object.entries(contenders)) results.get(name)?.push(once(run));
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const planetRounds = results.get('planet') ?? [];
const planet = median(planetRounds);
console.log(`${entries.length} entries (${(bytes / 1e6).toFixed(1)} MB of HTML), median of ${rounds} rounds, per CPU second, node ${process.version}`);
console.log('| sanitizer | entries/s | MB/s | planet is |');
console.log('| --- | ---: | ---: | ---: |');
for (const [name, xs] of results) {
  const rate = median(xs);
  const ratio = name === 'planet' ? '' : `${(planet / rate).toFixed(2)}x`;
  console.log(`| ${name} | ${Math.round(rate)} | ${((rate * bytes) / entries.length / 1e6).toFixed(1)} | ${ratio} |`);
}
// Round by round (the contenders ran back to back), to show how much a busy machine moves the ratio.
const perRound = (results.get('sanitize-html') ?? []).map((rate, i) => ((planetRounds[i] ?? 0) / rate).toFixed(2));
console.log(`\nplanet / sanitize-html, round by round: ${perRound.join(' ')}`);

// Namespace URIs the parsers match elements against.

/** Atom 1.0, RFC 4287 (https://www.rfc-editor.org/rfc/rfc4287). */
export const ATOM_NS = 'http://www.w3.org/2005/Atom';
/** Atom 0.3 (https://www.ietf.org/archive/id/draft-ietf-atompub-format-03.txt era, pre-RFC). */
export const ATOM03_NS = 'http://purl.org/atom/ns#';
/** RSS 1.0 (https://web.resource.org/rss/1.0/spec). */
export const RSS10_NS = 'http://purl.org/rss/1.0/';
/** Namespaces some RSS 0.9x/2.0 documents put their plain elements in (UserLand's and Harvard's). */
export const RSS2_NAMESPACES: readonly string[] = ['http://backend.userland.com/rss2', 'http://backend.userland.com/rss', 'http://blogs.law.harvard.edu/tech/rss'];
/** RSS 0.90 (https://www.rssboard.org/rss-0-9-0). */
export const RSS090_NS = 'http://my.netscape.com/rdf/simple/0.9/';
/** RDF syntax namespace, the root of RSS 0.90 and 1.0 documents. */
export const RDF_NS = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
/** content:encoded (https://web.resource.org/rss/1.0/modules/content/). */
export const CONTENT_NS = 'http://purl.org/rss/1.0/modules/content/';
/** Dublin Core elements (https://www.dublincore.org/specifications/dublin-core/dces/). */
export const DC_NS = 'http://purl.org/dc/elements/1.1/';
/** DCMI terms (https://www.dublincore.org/specifications/dublin-core/dcmi-terms/). */
export const DCTERMS_NS = 'http://purl.org/dc/terms/';
/** Apple's podcast tags (https://help.apple.com/itc/podcasts_connect/#/itcb54353390). */
export const ITUNES_NS = 'http://www.itunes.com/dtds/podcast-1.0.dtd';
/** XHTML, the namespace of Atom type="xhtml" content. */
export const XHTML_NS = 'http://www.w3.org/1999/xhtml';
/** The xml: prefix is bound by definition (https://www.w3.org/TR/xml-names/#ns-decl). */
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/**
 * Prefixes feeds commonly use without declaring them (a frequent authoring bug); an
 * undeclared prefix falls back to these so `content:encoded` still means content:encoded.
 */
export const CONVENTIONAL_PREFIXES: ReadonlyMap<string, string> = new Map([
  ['xml', XML_NS],
  ['atom', ATOM_NS],
  ['content', CONTENT_NS],
  ['dc', DC_NS],
  ['rdf', RDF_NS],
  ['xhtml', XHTML_NS],
  ['itunes', ITUNES_NS],
]);

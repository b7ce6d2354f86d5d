/* global document, Element */
// Evaluated in a published page by script-detector.ts; its value is a list of problems.
// The body's elements as the browser built them: anything that runs script on an event or a
// click, loads another document, or changes how the page resolves links. Raster data: images
// in <img src> are allowed (see src/sanitize/url-policy.ts).
(() => {
  const found = [];
  const forbidden = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'meta', 'link',
    'style', 'form', 'input', 'button', 'textarea', 'select', 'template', 'noscript', 'portal', 'svg', 'math']);
  const urlNames = new Set(['href', 'src', 'action', 'formaction', 'data', 'cite', 'poster', 'background', 'xlink:href', 'ping']);
  const rasterData = /^data:image\/(png|gif|jpeg|webp|avif)[;,]/i;
  const checkUrl = (element, name, value) => {
    let protocol;
    try {
      protocol = new URL(value, document.baseURI).protocol;
    } catch {
      return;
    }
    const imageData = element.localName === 'img' && name === 'src' && rasterData.test(value.trim());
    if (!['http:', 'https:', 'mailto:'].includes(protocol) && !imageData) {
      found.push(`${name}="${value.slice(0, 80)}" on <${element.localName}>`);
    }
  };
  for (const element of [document.body, ...document.body.querySelectorAll('*')]) {
    if (!(element instanceof Element)) continue;
    const tag = element.localName;
    // The health page's sparklines are the theme's own inline SVG of <rect>s and <title>s (the
    // sanitizer never lets <svg> through from a feed); their attributes are still checked below.
    const sparkline = element.namespaceURI === 'http://www.w3.org/2000/svg' && ['svg', 'rect', 'title'].includes(tag) && element.closest('svg.sparkline') !== null;
    if (!sparkline && (element.namespaceURI !== 'http://www.w3.org/1999/xhtml' || forbidden.has(tag))) found.push(`element <${tag}>`);
    for (const { name, value } of element.attributes) {
      const lower = name.toLowerCase();
      if (lower.startsWith('on') || lower === 'style' || lower === 'srcdoc') found.push(`${lower} on <${tag}>`);
      if (urlNames.has(lower)) checkUrl(element, lower, value);
      if (lower === 'srcset') for (const part of value.split(',')) checkUrl(element, lower, part.trim().split(/\s+/)[0] ?? '');
    }
  }
  for (const element of document.head.querySelectorAll('script, base, meta[http-equiv="refresh" i]')) {
    found.push(`<${element.localName}> in the head`);
  }
  return found;
})();

// Test helper: a small XML 1.0 well-formedness check (https://www.w3.org/TR/xml/), strict enough
// for the feeds render writes. htmlparser2 recovers from broken XML silently, so it cannot say
// whether a document is well-formed; this can, for the subset of XML Planet's themes produce.

const name = '[A-Za-z_:][\\w.:-]*';
const token = new RegExp(
  [
    '<!--(?<comment>[\\s\\S]*?)-->',
    '<\\?(?<pi>[\\s\\S]*?)\\?>',
    '<!\\[CDATA\\[[\\s\\S]*?\\]\\]>',
    `</(?<end>${name})\\s*>`,
    `<(?<start>${name})(?<attrs>(?:\\s+${name}\\s*=\\s*(?:"[^"]*"|'[^']*'))*)\\s*(?<empty>/?)>`,
    '(?<text>[^<]+)',
  ].join('|'),
  'y',
);
const attribute = new RegExp(`(${name})\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'g');
const reference = /&(?:(amp|lt|gt|quot|apos)|#[0-9]+|#x[0-9a-fA-F]+);/g;
const forbiddenChar = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** What makes `xml` not well-formed; an empty list when it is. */
export function wellFormednessProblems(xml: string): string[] {
  const problems: string[] = [];
  if (forbiddenChar.test(xml)) problems.push('holds a character XML 1.0 forbids');
  const open: string[] = [];
  let roots = 0;
  token.lastIndex = 0;
  while (token.lastIndex < xml.length) {
    const at = token.lastIndex;
    const match = token.exec(xml);
    const groups = match?.groups;
    if (groups === undefined) {
      problems.push(`stray "<" at offset ${at}`);
      break;
    }
    if (groups.comment?.includes('--')) problems.push(`"--" inside a comment at offset ${at}`);
    if (groups.pi !== undefined && /^xml\s/i.test(groups.pi) && at !== 0) problems.push('XML declaration not at the start');
    if (groups.text !== undefined) {
      if (open.length === 0 && groups.text.trim() !== '') problems.push(`text outside the root element at offset ${at}`);
      problems.push(...referenceProblems(groups.text, at));
      if (groups.text.includes(']]>')) problems.push(`"]]>" in text at offset ${at}`);
    }
    if (groups.start !== undefined) {
      if (open.length === 0 && ++roots > 1) problems.push(`second root element <${groups.start}>`);
      problems.push(...attributeProblems(groups.attrs ?? '', at));
      if (groups.empty === '') open.push(groups.start);
    }
    if (groups.end !== undefined) {
      const expected = open.pop();
      if (expected !== groups.end) problems.push(`</${groups.end}> at offset ${at} closes <${expected ?? 'nothing'}>`);
    }
  }
  if (open.length > 0) problems.push(`unclosed <${open.join('>, <')}>`);
  if (roots === 0) problems.push('no root element');
  return problems;
}

function attributeProblems(attrs: string, at: number): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const [, attrName = '', double, single] of attrs.matchAll(attribute)) {
    if (seen.has(attrName)) problems.push(`attribute ${attrName} repeated at offset ${at}`);
    seen.add(attrName);
    const value = double ?? single ?? '';
    if (value.includes('<')) problems.push(`"<" in attribute ${attrName} at offset ${at}`);
    problems.push(...referenceProblems(value, at));
  }
  return problems;
}

function referenceProblems(text: string, at: number): string[] {
  // Only the five predefined entities and character references exist without a DTD.
  return text.replace(reference, '').includes('&') ? [`"&" that starts no known reference near offset ${at}`] : [];
}

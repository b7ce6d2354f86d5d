import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { PlanetError } from '../../model/index.ts';
import { compileTemplate, compileTemplateFile, processTemplate } from './index.ts';
import type { ProcessOptions, TemplateRecord } from './index.ts';

const testdata = fileURLToPath(new URL('./testdata/', import.meta.url));

function render(source: string, vars: TemplateRecord, options: ProcessOptions = {}): string {
  return processTemplate(compileTemplate(source, `${testdata}inline.tmpl`), vars, options);
}

const items = [{ title: 'a' }, { title: 'b' }, { title: 'c' }, { title: 'd' }];

// [what, template, vars, expected output, options?]
const cases: Array<[string, string, TemplateRecord, string, ProcessOptions?]> = [
  ['bare name', '<TMPL_VAR name>', { name: 'Planet' }, 'Planet'],
  ['NAME= form', '<TMPL_VAR NAME="name">', { name: 'Planet' }, 'Planet'],
  ['unquoted NAME=', '<TMPL_VAR NAME=name>', { name: 'Planet' }, 'Planet'],
  ['comment form', 'x<!-- TMPL_VAR name -->y', { name: 'P' }, 'xPy'],
  ['lower-case statement', '<tmpl_var name>', { name: 'P' }, 'P'],
  ['no escaping by default (Planet sets html_escape=0)', '<TMPL_VAR t>', { t: '<b>&"' }, '<b>&"'],
  ['ESCAPE="HTML"', '<TMPL_VAR t ESCAPE="HTML">', { t: '<b>&"\'' }, '&lt;b&gt;&amp;&quot;\''],
  ['ESCAPE=1', '<TMPL_VAR t ESCAPE=1>', { t: '<' }, '&lt;'],
  ['ESCAPE="URL" like quote_plus', '<TMPL_VAR t ESCAPE="URL">', { t: 'a b/c?d=é~' }, 'a+b%2Fc%3Fd%3D%C3%A9%7E'],
  ['ESCAPE="NONE" under html_escape=1', '<TMPL_VAR t ESCAPE="NONE">', { t: '<i>' }, '<i>', { htmlEscape: true }],
  ['html_escape=1 escapes by default', '<TMPL_VAR t>', { t: '<i>' }, '&lt;i&gt;', { htmlEscape: true }],
  ['missing variable prints nothing', '[<TMPL_VAR nope>]', {}, '[]'],
  ['numbers print', '<TMPL_VAR n>', { n: 42 }, '42'],
  ['IF true', '<TMPL_IF x>yes</TMPL_IF>', { x: 'text' }, 'yes'],
  ['IF "0" is true (Python truth)', '<TMPL_IF x>yes</TMPL_IF>', { x: '0' }, 'yes'],
  ['IF 0 is false', '<TMPL_IF x>yes<TMPL_ELSE>no</TMPL_IF>', { x: 0 }, 'no'],
  ['IF empty string is false', '<TMPL_IF x>yes<TMPL_ELSE>no</TMPL_IF>', { x: '' }, 'no'],
  ['IF on a loop tests its length', '<TMPL_IF Items>some</TMPL_IF><TMPL_IF Empty>none</TMPL_IF>', { Items: items, Empty: [] }, 'some'],
  ['UNLESS', '<TMPL_UNLESS x>no x<TMPL_ELSE>x</TMPL_UNLESS>', {}, 'no x'],
  ['UNLESS with ELSE', '<TMPL_UNLESS x>no x<TMPL_ELSE>x</TMPL_UNLESS>', { x: 1 }, 'x'],
  ['LOOP', '<TMPL_LOOP Items><TMPL_VAR title></TMPL_LOOP>', { Items: items }, 'abcd'],
  ['missing loop runs zero times', '[<TMPL_LOOP Items>x</TMPL_LOOP>]', {}, '[]'],
  [
    'magic variables',
    '<TMPL_LOOP Items><TMPL_VAR __PASS__>/<TMPL_VAR __PASSTOTAL__><TMPL_IF __FIRST__>F</TMPL_IF><TMPL_IF __LAST__>L</TMPL_IF><TMPL_IF __INNER__>I</TMPL_IF><TMPL_IF __ODD__>O</TMPL_IF> </TMPL_LOOP>',
    { Items: items },
    '1/4FO 2/4I 3/4IO 4/4L ',
  ],
  ['magic variables in any case', '<TMPL_LOOP Items><TMPL_IF __first__>f</TMPL_IF><TMPL_VAR __pass__></TMPL_LOOP>', { Items: items }, 'f1234'],
  ['__EVERY__n, never first or last', '<TMPL_LOOP Items><TMPL_IF __EVERY__2>e</TMPL_IF><TMPL_VAR title></TMPL_LOOP>', { Items: items }, 'aebcd'],
  ['magic names outside a loop are plain variables', '[<TMPL_VAR __PASS__>]', {}, '[]'],
  ['loops do not see outer variables by default', '<TMPL_LOOP Items>[<TMPL_VAR name>]</TMPL_LOOP>', { name: 'P', Items: [{}] }, '[]'],
  ['GLOBAL="1" looks outward', '<TMPL_LOOP Items>[<TMPL_VAR name GLOBAL="1">]</TMPL_LOOP>', { name: 'P', Items: [{}] }, '[P]'],
  ['global_vars on looks outward', '<TMPL_LOOP Items>[<TMPL_VAR name>]</TMPL_LOOP>', { name: 'P', Items: [{}] }, '[P]', { globalVars: true }],
  ['GLOBAL="0" overrides global_vars', '<TMPL_LOOP Items>[<TMPL_VAR name GLOBAL="0">]</TMPL_LOOP>', { name: 'P', Items: [{}] }, '[]', { globalVars: true }],
  ['the inner value wins over the global one', '<TMPL_LOOP Items><TMPL_VAR name GLOBAL="1"></TMPL_LOOP>', { name: 'P', Items: [{ name: 'i' }] }, 'i'],
  [
    'nested loops',
    '<TMPL_LOOP Outer><TMPL_VAR n>:<TMPL_LOOP Inner><TMPL_VAR m><TMPL_VAR __PASS__></TMPL_LOOP>;</TMPL_LOOP>',
    { Outer: [{ n: 'A', Inner: [{ m: 'x' }, { m: 'y' }] }, { n: 'B' }] },
    'A:x1y2;B:;',
  ],
  ['"### " comments run to the end of the line', 'a ### note <TMPL_VAR x>\nb', { x: 'X' }, 'a \nb'],
  ['"###" without a space is text', 'a###b', {}, 'a###b'],
  ['a statement alone on its line leaves no blank line', 'a\n  <TMPL_IF x>\nb\n</TMPL_IF>\nc\n', { x: 1 }, 'a\nb\nc\n'],
  ['indentation before a statement inside a line stays', 'a <TMPL_VAR x>\n', { x: 'X' }, 'a X'],
  ['GETTEXT prints its text', '<TMPL_GETTEXT Hello>', {}, 'Hello'],
];

describe('htmltmpl engine', () => {
  for (const [what, source, vars, expected, options] of cases) {
    test(what, () => assert.equal(render(source, vars, options), expected));
  }

  test('TMPL_INCLUDE reads inc/ beside the main template, nested includes too', () => {
    const out = processTemplate(compileTemplateFile(`${testdata}main.tmpl`), {
      name: 'P',
      owner_name: 'Jane',
      Channels: [{ name: 'A&B' }, { name: 'C' }],
    });
    assert.equal(out, '<h1>P</h1>\n<ul>\n  <li>A&amp;B</li>\n  <li>C</li>\n</ul>\n<p>footer Jane</p>\ndone\n');
  });

  test('an included file may open a block its includer closes', () => {
    const nodes = compileTemplateFile(`${testdata}opens.tmpl`);
    assert.equal(processTemplate(nodes, { flag: 1 }), 'yes');
    assert.equal(processTemplate(nodes, {}), '');
  });
});

// [what, template, message fragment]
const errors: Array<[string, string, RegExp]> = [
  ['unknown statement', 'a\n<TMPL_FOO x>', /inline\.tmpl:2: unknown statement <TMPL_FOO>/],
  ['unclosed IF', '<TMPL_IF x>\n', /inline\.tmpl:1: <TMPL_IF x> is never closed with <\/TMPL_IF>/],
  ['unclosed LOOP', 'x\n\n<TMPL_LOOP Items>', /inline\.tmpl:3: <TMPL_LOOP Items> is never closed/],
  ['stray closer', '</TMPL_LOOP>', /inline\.tmpl:1: <\/TMPL_LOOP> closes nothing \(nothing is open\)/],
  ['mismatched closer', '<TMPL_IF x></TMPL_LOOP>', /<\/TMPL_LOOP> closes nothing \(<TMPL_IF> of .*inline\.tmpl:1 is open\)/],
  ['ELSE outside IF', '<TMPL_ELSE>', /<TMPL_ELSE> outside <TMPL_IF>/],
  ['two ELSEs', '<TMPL_IF x><TMPL_ELSE><TMPL_ELSE></TMPL_IF>', /a second <TMPL_ELSE>/],
  ['VAR without a name', '<TMPL_VAR>', /<TMPL_VAR> names no variable/],
  ['unknown ESCAPE', '<TMPL_VAR x ESCAPE="JS">', /ESCAPE="JS" is not one of HTML, URL, NONE/],
  ['unknown parameter', '<TMPL_VAR x FOO="1">', /unknown parameter FOO/],
  ['include of a missing file', '<TMPL_INCLUDE NAME="nope.tmpl">', /cannot read template .*inc\/nope\.tmpl \(included from .*inline\.tmpl:1\): no such file/],
];

describe('htmltmpl errors name the file, the line and what is wrong', () => {
  for (const [what, source, message] of errors) {
    test(what, () => {
      assert.throws(() => render(source, {}), (error: unknown) => error instanceof PlanetError && error.code === 'template' && message.test(error.message));
    });
  }

  test('an unknown magic variable', () => {
    assert.throws(() => render('<TMPL_LOOP Items>\n<TMPL_VAR __NOPE__></TMPL_LOOP>', { Items: items }), /inline\.tmpl:2: unknown loop variable __NOPE__/);
  });

  test('a loop over a plain variable', () => {
    assert.throws(() => render('<TMPL_LOOP Items></TMPL_LOOP>', { Items: 'text' }), /<TMPL_LOOP Items> names a variable, not a loop/);
  });

  test('an error in an included file names that file and its line', () => {
    assert.throws(() => render('a\n<TMPL_INCLUDE NAME="bad.tmpl">', {}), /inc\/bad\.tmpl:2: unknown statement <TMPL_FOO>/);
  });

  test('a template that includes itself stops at htmltmpl\'s depth limit', () => {
    assert.throws(() => compileTemplateFile(`${testdata}self.tmpl`), /nested deeper than 5 levels/);
  });
});

import type { Person } from '../model/index.ts';

// RSS 2.0 <author> is "email (Name)" (https://www.rssboard.org/rss-specification#ltauthorgtSubelementOfLtitemgt).
const EMAIL_THEN_NAME = /^([^\s()<>]+@[^\s()<>]+)\s*\((.*)\)$/;
// Many feeds write the mail-header form instead.
const NAME_THEN_EMAIL = /^(.*?)\s*<([^\s<>]+@[^\s<>]+)>$/;
// And some "Name (email)".
const NAME_THEN_PAREN_EMAIL = /^(.*?)\s*\(([^\s()<>]+@[^\s()<>]+)\)$/;
const BARE_EMAIL = /^[^\s()<>]+@[^\s()<>]+\.[^\s()<>]+$/;

/** Reads an RSS-style person string ("email (Name)", "Name <email>", an email or a name). */
export function parsePersonString(value: string | undefined): Person | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  let match = EMAIL_THEN_NAME.exec(text);
  if (match) return compact({ name: match[2]?.trim(), email: match[1] });
  match = NAME_THEN_EMAIL.exec(text);
  if (match) return compact({ name: match[1]?.trim().replace(/^"(.*)"$/, '$1'), email: match[2] });
  match = NAME_THEN_PAREN_EMAIL.exec(text);
  if (match) return compact({ name: match[1]?.trim(), email: match[2] });
  if (BARE_EMAIL.test(text)) return { email: text };
  return { name: text };
}

/** Drops empty parts; undefined when nothing is left. */
export function compact(person: Person): Person | undefined {
  const out: Person = {};
  if (person.name) out.name = person.name;
  if (person.email) out.email = person.email;
  if (person.uri) out.uri = person.uri;
  return out.name || out.email || out.uri ? out : undefined;
}

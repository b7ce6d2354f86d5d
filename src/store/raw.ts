import { CompiledQuery } from 'kysely';
import type { Kysely, QueryResult } from 'kysely';
import type { Database, SqlDialect } from './schema.ts';

/**
 * Runs SQL written with `?` placeholders on either engine. The statements that run for every
 * saved feed (the save path: a dozen per feed, thousands in one update of a large planet) use
 * it instead of Kysely's query builder: building and compiling their syntax trees took about as
 * long as SQLite took to run them (bench/fetch profile). Their shapes are fixed, so the text is
 * written once, and the SQLite statement cache (sqlite.ts) prepares each text once.
 */
export type RawSql = <Row = never>(db: Kysely<Database>, text: string, params: readonly unknown[]) => Promise<QueryResult<Row>>;

/** `?` placeholders as `$1`, `$2`... (PostgreSQL); texts passed here never hold a literal "?". */
function numbered(text: string): string {
  let n = 0;
  return text.replace(/\?/g, () => `$${(n += 1)}`);
}

export function rawSql(dialect: SqlDialect): RawSql {
  const texts = new Map<string, string>();
  const spell = dialect === 'postgres'
    ? (text: string): string => {
        let done = texts.get(text);
        if (done === undefined) texts.set(text, (done = numbered(text)));
        return done;
      }
    : (text: string): string => text;
  return (db, text, params) => db.executeQuery(CompiledQuery.raw(spell(text), [...params]));
}

const lists: string[] = [];

/** `count` placeholders for an IN list or a VALUES row: "?, ?, ?". */
export function placeholders(count: number): string {
  return (lists[count] ??= Array.from({ length: count }, () => '?').join(', '));
}

// A checker for the subset of JSON Schema (2020-12) that docs/report-schema.json uses:
// type (with null), const, enum, required, properties, additionalProperties, items,
// minimum, maximum, oneOf and local $refs. Enough to hold the reports to their published schema.

type Schema = Record<string, unknown>;

/** Every place `value` breaks `schema`, as "path: problem" lines; empty when it conforms. */
export function schemaProblems(value: unknown, schema: Schema, root: Schema = schema, path = '$'): string[] {
  const ref = schema.$ref;
  if (typeof ref === 'string') {
    const target = ref.replace(/^#\//, '').split('/').reduce<unknown>((node, key) => (node as Schema)[key], root);
    return schemaProblems(value, target as Schema, root, path);
  }
  if (Array.isArray(schema.oneOf)) {
    const results = (schema.oneOf as Schema[]).map((option) => schemaProblems(value, option, root, path));
    const passed = results.filter((r) => r.length === 0).length;
    if (passed > 1) return [`${path}: matches ${passed} of oneOf's schemas, not exactly one`];
    // None matched: the closest alternative's problems say the most about what is wrong.
    if (passed === 0) return results.reduce((best, r) => (r.length < best.length ? r : best));
  }
  const problems: string[] = [];
  const types = schema.type === undefined ? undefined : ([] as unknown[]).concat(schema.type);
  if (types !== undefined && !types.some((type) => isType(value, String(type)))) return [`${path}: expected ${types.join(' or ')}, got ${JSON.stringify(value)}`];
  if ('const' in schema && value !== schema.const) problems.push(`${path}: expected ${JSON.stringify(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) problems.push(`${path}: ${JSON.stringify(value)} is not one of ${schema.enum.join(', ')}`);
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) problems.push(`${path}: below ${schema.minimum}`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) problems.push(`${path}: above ${schema.maximum}`);
  }
  if (Array.isArray(value) && schema.items !== undefined) {
    value.forEach((item, i) => problems.push(...schemaProblems(item, schema.items as Schema, root, `${path}[${i}]`)));
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const object = value as Record<string, unknown>;
    for (const key of (schema.required as string[] | undefined) ?? []) if (!(key in object)) problems.push(`${path}: missing ${key}`);
    const properties = (schema.properties as Record<string, Schema> | undefined) ?? {};
    for (const [key, item] of Object.entries(object)) {
      const own = properties[key];
      if (own !== undefined) problems.push(...schemaProblems(item, own, root, `${path}.${key}`));
      else if (schema.additionalProperties === false) problems.push(`${path}: unexpected ${key}`);
      else if (typeof schema.additionalProperties === 'object') problems.push(...schemaProblems(item, schema.additionalProperties as Schema, root, `${path}.${key}`));
    }
  }
  return problems;
}

function isType(value: unknown, type: string): boolean {
  switch (type) {
    case 'null':
      return value === null;
    case 'integer':
      return Number.isInteger(value);
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    default:
      return typeof value === type;
  }
}

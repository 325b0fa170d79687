import { z } from 'zod';
import * as contracts from './index';

/** Every zod schema the contracts export: each is something a client sends. */
const schemas = Object.entries(contracts).filter(([, value]) => value instanceof z.ZodType) as [string, z.ZodType][];

interface Leaf {
  path: string;
  schema: z.ZodType;
}

/** The objects and strings inside a schema, wherever they sit. */
function walk(schema: z.ZodType, path: string, objects: Leaf[], strings: Leaf[], seen = new Set<z.ZodType>()): void {
  if (seen.has(schema)) return;
  seen.add(schema);
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  const inner = (value: unknown, at = path) => walk(value as z.ZodType, at, objects, strings, seen);
  switch (def.type) {
    case 'object':
      objects.push({ path, schema });
      for (const [key, field] of Object.entries(def.shape as Record<string, z.ZodType>)) inner(field, `${path}.${key}`);
      return;
    case 'string':
      strings.push({ path, schema });
      return;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
      return inner(def.innerType);
    case 'array':
      return inner(def.element, `${path}[]`);
    case 'tuple':
      return (def.items as z.ZodType[]).forEach((item, index) => inner(item, `${path}[${index}]`));
    case 'union':
      return (def.options as z.ZodType[]).forEach((option) => inner(option));
    case 'pipe':
      inner(def.in);
      return inner(def.out);
    case 'record':
      inner(def.keyType);
      return inner(def.valueType);
    default:
      return;
  }
}

describe('request schemas', () => {
  const objects: Leaf[] = [];
  const strings: Leaf[] = [];
  for (const [name, schema] of schemas) walk(schema, name, objects, strings);

  it('are found', () => {
    expect(schemas.length).toBeGreaterThan(40);
    expect(strings.length).toBeGreaterThan(50);
  });

  it.each(objects.map((leaf) => [leaf.path, leaf.schema] as const))(
    '%s refuses fields it does not know',
    (_, schema) => {
      expect((schema._zod.def as { catchall?: z.ZodType }).catchall?._zod.def.type).toBe('never');
    },
  );

  it.each(strings.map((leaf) => [leaf.path, leaf.schema] as const))(
    '%s refuses NUL and half a character',
    (_, schema) => {
      for (const hostile of ['C30\u0000', 'C30\u0000C30 2026-01-01', 'abc\uD800defghijk', '\uDC00abcdefghijk']) {
        expect(schema.safeParse(hostile).success).toBe(false);
      }
    },
  );
});

/**
 * The migrated schema matches schema.prisma.
 *
 * Applies every committed migration to an empty database, introspects it and
 * compares it with what Prisma expects from the data model (its DMMF). Drift
 * means schema.prisma was edited without a migration (`npm run db:new-migration`)
 * or a migration was hand-edited; each failure names the model and field.
 *
 * Both sides are reduced to the same `SchemaShape`, so the comparison is one
 * pure function, `diffSchemas`, checked against deliberate drift at the end.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { get_dmmf } from "@prisma/prisma-schema-wasm";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { testServer } from "../scripts/db/test-server";
import { migrate } from "../scripts/db/migrate";

// ---------------------------------------------------------------------------
// The shape both sides are reduced to
// ---------------------------------------------------------------------------

/** The column has some default, whatever it is (defaults we do not render exactly). */
const ANY_DEFAULT = "<any default>";

interface SchemaShape {
  /** Keyed by table name. */
  tables: Record<string, TableShape>;
  /** Enum type name → its values in order. */
  enums: Record<string, EnumShape>;
}

interface EnumShape {
  label: string;
  values: string[];
}

interface TableShape {
  /** How failures name it: `model User (table "user")` when expected, `table "user"` when found. */
  label: string;
  /** Keyed by column name. */
  columns: Record<string, ColumnShape>;
  primaryKey: IndexShape | null;
  /** Unique and plain indexes, the primary key's excluded. */
  indexes: IndexShape[];
  foreignKeys: ForeignKeyShape[];
}

interface ColumnShape {
  label: string;
  /** `text`, `integer`, `timestamp(3) without time zone`, `text[]`, `enum Role`, … */
  type: string;
  nullable: boolean;
  /** The default as PostgreSQL prints it (`pg_get_expr`), `null` for none, or ANY_DEFAULT. */
  default: string | null;
}

interface IndexShape {
  label: string;
  name: string;
  /** Column names in index order; `"col DESC"` for descending ones. */
  columns: string[];
  unique: boolean;
  method: string;
  partial: boolean;
}

type ReferentialAction = "CASCADE" | "RESTRICT" | "NO ACTION" | "SET NULL" | "SET DEFAULT";

interface ForeignKeyShape {
  label: string;
  name: string;
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: ReferentialAction;
  onUpdate: ReferentialAction;
}

/** Tables the database has that no model describes, on purpose. */
const IGNORED_TABLES = new Set(["_prisma_migrations"]);

// ---------------------------------------------------------------------------
// Expected: from the DMMF of schema.prisma
// ---------------------------------------------------------------------------

/** The parts of Prisma's DMMF read here (the full type lives in @prisma/dmmf, not a dependency). */
interface Datamodel {
  models: DmmfModel[];
  enums: { name: string; dbName: string | null; values: { name: string; dbName: string | null }[] }[];
  indexes: DmmfIndex[];
}

interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "enum" | "object" | "unsupported";
  type: string;
  isList: boolean;
  isRequired: boolean;
  isUpdatedAt?: boolean;
  nativeType: [string, string[]] | null;
  default?: unknown;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
}

interface DmmfIndex {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  isDefinedOnField: boolean;
  dbName?: string | null;
  algorithm?: string;
  fields: { name: string; sortOrder?: "asc" | "desc" }[];
}

function readDatamodel(schema: string): Datamodel {
  const datamodel = (JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: schema }))) as { datamodel: Datamodel }).datamodel;
  // The DMMF leaves out Unsupported("…") fields (search's tsvector columns): read them from the text.
  for (const [, modelName, body = ""] of schema.matchAll(/^model (\w+) \{([^}]*)\}/gm)) {
    const model = datamodel.models.find((candidate) => candidate.name === modelName);
    for (const [, name = "", type = "", optional] of body.matchAll(/^\s*(\w+)\s+Unsupported\("([^"]+)"\)(\?)?/gm)) {
      model?.fields.push({ name, kind: "unsupported", type, isList: false, isRequired: !optional, nativeType: null });
    }
  }
  return datamodel;
}

/** Prisma's PostgreSQL column type for each scalar type (without @db.* native types). */
const COLUMN_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Boolean: "boolean",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Float: "double precision",
  Decimal: "numeric(65,30)",
  Bytes: "bytea",
};

const PRISMA_ACTIONS: Record<string, ReferentialAction> = {
  Cascade: "CASCADE",
  Restrict: "RESTRICT",
  NoAction: "NO ACTION",
  SetNull: "SET NULL",
  SetDefault: "SET DEFAULT",
};

/** Defaults Prisma Client fills in itself: the column gets none. */
const CLIENT_SIDE_DEFAULTS = new Set(["cuid", "uuid", "nanoid", "ulid"]);

/** Prisma's default constraint/index name, shortened like Prisma does to PostgreSQL's 63-byte limit. */
function prismaName(table: string, columns: string[], suffix: "pkey" | "key" | "idx" | "fkey"): string {
  const base = columns.length ? `${table}_${columns.join("_")}` : table;
  return `${base.slice(0, 63 - suffix.length - 1)}_${suffix}`;
}

function quoteIdent(name: string): string {
  return /^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name.replaceAll('"', '""')}"`;
}

function expectedSchema(datamodel: Datamodel): SchemaShape {
  const models = new Map(datamodel.models.map((model) => [model.name, model]));
  const tableOf = (modelName: string) => models.get(modelName)?.dbName ?? modelName;
  const columnOf = (modelName: string, fieldName: string) =>
    models.get(modelName)?.fields.find((field) => field.name === fieldName)?.dbName ?? fieldName;
  const enumTypes = new Map(datamodel.enums.map((e) => [e.name, e]));

  const enums: SchemaShape["enums"] = {};
  for (const e of datamodel.enums) {
    enums[e.dbName ?? e.name] = { label: `enum ${e.name}`, values: e.values.map((value) => value.dbName ?? value.name) };
  }

  const tables: SchemaShape["tables"] = {};
  for (const model of datamodel.models) {
    const table = tableOf(model.name);
    const columnsOf = (fields: string[]) => fields.map((field) => columnOf(model.name, field));
    const shape: TableShape = {
      label: model.dbName ? `model ${model.name} (table "${table}")` : `model ${model.name}`,
      columns: {},
      primaryKey: null,
      indexes: [],
      foreignKeys: [],
    };

    for (const field of model.fields) {
      if (field.kind === "object") continue;
      const column = field.dbName ?? field.name;
      const label = `${model.name}.${field.name}`;
      const enumType = field.kind === "enum" ? enumTypes.get(field.type) : undefined;
      let type: string;
      if (enumType) type = `enum ${enumType.dbName ?? enumType.name}`;
      else if (field.kind === "unsupported") type = field.type;
      else if (field.nativeType) type = `@db.${field.nativeType[0]} (extend COLUMN_TYPES in prisma/schema.test.ts)`;
      else type = COLUMN_TYPES[field.type] ?? `${field.type} (extend COLUMN_TYPES in prisma/schema.test.ts)`;
      if (field.isList) type += "[]";
      shape.columns[column] = {
        label,
        type,
        // Prisma creates scalar lists (always "required" in the DMMF) as nullable array columns.
        nullable: !field.isRequired || field.isList,
        default: expectedDefault(field, table, column, enumType),
      };
    }

    for (const index of datamodel.indexes.filter((i) => i.model === model.name)) {
      const fieldNames = index.fields.map((f) => f.name);
      const columns = index.fields.map((f) => columnOf(model.name, f.name) + (f.sortOrder === "desc" ? " DESC" : ""));
      const suffix = index.type === "id" ? "pkey" : index.type === "unique" ? "key" : "idx";
      const attribute = index.type === "id" ? "id" : index.type === "unique" ? "unique" : "index";
      const described: IndexShape = {
        label: index.isDefinedOnField
          ? `${model.name}.${fieldNames[0]} @${attribute}`
          : `${model.name} @@${attribute}([${fieldNames.join(", ")}])`,
        name: index.dbName ?? prismaName(table, index.type === "id" ? [] : columnsOf(fieldNames), suffix),
        columns,
        unique: index.type !== "normal",
        method: (index.algorithm ?? "BTree").toLowerCase(),
        partial: false,
      };
      if (index.type === "id") shape.primaryKey = described;
      else if (index.type === "fulltext") throw new Error(`${described.label}: fulltext indexes are MySQL-only`);
      else shape.indexes.push(described);
    }

    for (const field of model.fields) {
      if (field.kind !== "object" || !field.relationFromFields?.length) continue;
      const from = field.relationFromFields;
      const fromFields = from.map((name) => model.fields.find((f) => f.name === name));
      // Prisma's defaults: SET NULL when the relation is optional, RESTRICT when required; ON UPDATE CASCADE.
      const optional = fromFields.some((f) => !f?.isRequired);
      const onDelete = field.relationOnDelete ?? (optional ? "SetNull" : "Restrict");
      const onUpdate = field.relationOnUpdate ?? "Cascade";
      shape.foreignKeys.push({
        label: `${model.name}.${field.name} (→ ${field.type})`,
        // The DMMF drops a relation's `map:` name, so only Prisma's default name can be expected here.
        name: prismaName(table, columnsOf(from), "fkey"),
        columns: columnsOf(from),
        referencedTable: tableOf(field.type),
        referencedColumns: (field.relationToFields ?? []).map((name) => columnOf(field.type, name)),
        onDelete: PRISMA_ACTIONS[onDelete] ?? "NO ACTION",
        onUpdate: PRISMA_ACTIONS[onUpdate] ?? "NO ACTION",
      });
    }

    tables[table] = shape;
  }
  return { tables, enums };
}

/** A field's column default as PostgreSQL prints it back. */
function expectedDefault(
  field: DmmfField,
  table: string,
  column: string,
  enumType: Datamodel["enums"][number] | undefined,
): string | null {
  const value = field.default;
  if (value === undefined || value === null) return null;
  if (typeof value === "object" && "name" in value) {
    const name = String(value.name);
    if (CLIENT_SIDE_DEFAULTS.has(name)) return null;
    if (name === "now") return "CURRENT_TIMESTAMP";
    if (name === "autoincrement") return `nextval('${quoteIdent(`${table}_${column}_seq`)}'::regclass)`;
    return ANY_DEFAULT; // dbgenerated(), sequence(), …
  }
  if (field.isList) return ANY_DEFAULT;
  if (enumType && typeof value === "string") {
    const dbValue = enumType.values.find((v) => v.name === value)?.dbName ?? value;
    return `'${dbValue}'::${quoteIdent(enumType.dbName ?? enumType.name)}`;
  }
  if (field.type === "String" && typeof value === "string") return `'${value.replaceAll("'", "''")}'::text`;
  if (field.type === "Boolean" || field.type === "Int" || field.type === "BigInt") return String(value);
  return ANY_DEFAULT;
}

// ---------------------------------------------------------------------------
// Actual: introspected from PostgreSQL's catalogs (schema "public")
// ---------------------------------------------------------------------------

const PG_ACTIONS: Record<string, ReferentialAction> = {
  a: "NO ACTION",
  r: "RESTRICT",
  c: "CASCADE",
  n: "SET NULL",
  d: "SET DEFAULT",
};

async function introspect(client: pg.Client): Promise<SchemaShape> {
  const tables: SchemaShape["tables"] = {};
  const tableRows = await client.query<{ table: string }>(`
    SELECT c.relname::text AS table
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
    ORDER BY 1`);
  for (const { table } of tableRows.rows) {
    tables[table] = { label: `table "${table}"`, columns: {}, primaryKey: null, indexes: [], foreignKeys: [] };
  }
  const tableShape = (table: string) => {
    const shape = tables[table];
    if (!shape) throw new Error(`introspection found "${table}" outside the table list`);
    return shape;
  };

  // pg_catalog rather than information_schema: it keeps typmods of array elements and names enum types plainly.
  const columnRows = await client.query<{ table: string; column: string; type: string; nullable: boolean; default: string | null }>(`
    SELECT c.relname::text AS table, a.attname::text AS column, NOT a.attnotnull AS nullable,
      CASE WHEN t.typtype = 'e' THEN 'enum ' || t.typname
           WHEN et.typtype = 'e' THEN 'enum ' || et.typname || '[]'
           ELSE format_type(a.atttypid, a.atttypmod) END AS type,
      pg_get_expr(d.adbin, d.adrelid) AS default
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_type t ON t.oid = a.atttypid
    LEFT JOIN pg_type et ON et.oid = t.typelem AND t.typcategory = 'A'
    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
    ORDER BY c.relname, a.attnum`);
  for (const row of columnRows.rows) {
    tableShape(row.table).columns[row.column] = {
      label: `column "${row.table}"."${row.column}"`,
      type: row.type,
      nullable: row.nullable,
      default: row.default,
    };
  }

  const indexRows = await client.query<{
    table: string;
    name: string;
    columns: string[];
    unique: boolean;
    primary: boolean;
    method: string;
    partial: boolean;
  }>(`
    SELECT t.relname::text AS table, i.relname::text AS name, ix.indisunique AS unique, ix.indisprimary AS primary,
      am.amname::text AS method, ix.indpred IS NOT NULL AS partial,
      ARRAY(
        SELECT coalesce(a.attname::text, '(expression)') || CASE WHEN (k.opt & 1) = 1 THEN ' DESC' ELSE '' END
        FROM unnest(ix.indkey::int2[], ix.indoption::int2[]) WITH ORDINALITY AS k(attnum, opt, ord)
        LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum AND k.attnum > 0
        WHERE k.ord <= ix.indnkeyatts
        ORDER BY k.ord
      ) AS columns
    FROM pg_index ix
    JOIN pg_class i ON i.oid = ix.indexrelid
    JOIN pg_class t ON t.oid = ix.indrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    JOIN pg_am am ON am.oid = i.relam
    WHERE n.nspname = 'public' AND t.relkind IN ('r', 'p')
    ORDER BY t.relname, i.relname`);
  for (const { table, primary, ...index } of indexRows.rows) {
    const shape = tableShape(table);
    const described = { label: `index "${index.name}"`, ...index };
    if (primary) shape.primaryKey = described;
    else shape.indexes.push(described);
  }

  const foreignKeyRows = await client.query<{
    table: string;
    name: string;
    columns: string[];
    referencedTable: string;
    referencedColumns: string[];
    onDelete: string;
    onUpdate: string;
  }>(`
    SELECT t.relname::text AS table, c.conname::text AS name, r.relname::text AS "referencedTable",
      ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
            JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
      ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, ord)
            JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum ORDER BY k.ord) AS "referencedColumns",
      c.confdeltype::text AS "onDelete", c.confupdtype::text AS "onUpdate"
    FROM pg_constraint c
    JOIN pg_class t ON t.oid = c.conrelid
    JOIN pg_class r ON r.oid = c.confrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE n.nspname = 'public' AND c.contype = 'f'
    ORDER BY t.relname, c.conname`);
  for (const { table, onDelete, onUpdate, ...foreignKey } of foreignKeyRows.rows) {
    tableShape(table).foreignKeys.push({
      label: `foreign key "${foreignKey.name}"`,
      ...foreignKey,
      onDelete: PG_ACTIONS[onDelete] ?? "NO ACTION",
      onUpdate: PG_ACTIONS[onUpdate] ?? "NO ACTION",
    });
  }

  const enumRows = await client.query<{ name: string; values: string[] }>(`
    SELECT t.typname::text AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
    FROM pg_type t
    JOIN pg_enum e ON e.enumtypid = t.oid
    JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE n.nspname = 'public'
    GROUP BY t.typname
    ORDER BY 1`);
  const enums: SchemaShape["enums"] = {};
  for (const row of enumRows.rows) enums[row.name] = { label: `enum type "${row.name}"`, values: row.values };

  return { tables, enums };
}

// ---------------------------------------------------------------------------
// The comparison
// ---------------------------------------------------------------------------

const list = (columns: string[]) => `(${columns.join(", ")})`;
const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((value, i) => value === b[i]);

/** Every difference between the expected and the actual schema, one readable line each; [] when they match. */
function diffSchemas(expected: SchemaShape, actual: SchemaShape): string[] {
  const drift: string[] = [];

  for (const [name, want] of Object.entries(expected.enums)) {
    const have = actual.enums[name];
    if (!have) drift.push(`${want.label}: type "${name}" is missing`);
    else if (!sameList(want.values, have.values)) drift.push(`${want.label}: expected values ${list(want.values)}, found ${list(have.values)}`);
  }
  for (const name of Object.keys(actual.enums)) {
    if (!expected.enums[name]) drift.push(`enum type "${name}" has no enum in schema.prisma`);
  }

  for (const [table, want] of Object.entries(expected.tables)) {
    const have = actual.tables[table];
    if (!have) drift.push(`${want.label}: table "${table}" is missing`);
    else drift.push(...diffTable(table, want, have));
  }
  for (const table of Object.keys(actual.tables)) {
    if (!expected.tables[table] && !IGNORED_TABLES.has(table)) drift.push(`table "${table}" has no model in schema.prisma`);
  }
  return drift;
}

function diffTable(table: string, want: TableShape, have: TableShape): string[] {
  const drift: string[] = [];

  for (const [column, wantColumn] of Object.entries(want.columns)) {
    const haveColumn = have.columns[column];
    const label = wantColumn.label;
    if (!haveColumn) {
      drift.push(`${label}: column "${table}"."${column}" is missing`);
      continue;
    }
    if (haveColumn.type !== wantColumn.type) drift.push(`${label}: expected type ${wantColumn.type}, found ${haveColumn.type}`);
    if (haveColumn.nullable !== wantColumn.nullable) {
      drift.push(`${label}: expected ${wantColumn.nullable ? "nullable" : "NOT NULL"}, found ${haveColumn.nullable ? "nullable" : "NOT NULL"}`);
    }
    const defaultMatches =
      wantColumn.default === ANY_DEFAULT ? haveColumn.default !== null : wantColumn.default === haveColumn.default;
    if (!defaultMatches) drift.push(`${label}: expected default ${wantColumn.default ?? "none"}, found ${haveColumn.default ?? "none"}`);
  }
  for (const column of Object.keys(have.columns)) {
    if (!want.columns[column]) drift.push(`${want.label}: column "${table}"."${column}" has no field in schema.prisma`);
  }

  if (want.primaryKey && !have.primaryKey) drift.push(`${want.primaryKey.label}: table "${table}" has no primary key`);
  if (!want.primaryKey && have.primaryKey) drift.push(`${want.label}: unexpected primary key "${have.primaryKey.name}"`);
  if (want.primaryKey && have.primaryKey) drift.push(...diffIndex(want.primaryKey, have.primaryKey));

  // Match indexes by columns (and uniqueness, where two share columns); each actual index matches once.
  const unmatched = [...have.indexes];
  for (const wantIndex of want.indexes) {
    const position =
      [
        unmatched.findIndex((i) => sameList(i.columns, wantIndex.columns) && i.unique === wantIndex.unique),
        unmatched.findIndex((i) => sameList(i.columns, wantIndex.columns)),
      ].find((i) => i >= 0) ?? -1;
    const haveIndex = unmatched.splice(position, position >= 0 ? 1 : 0)[0];
    if (position < 0 || !haveIndex) drift.push(`${wantIndex.label}: no index on ${list(wantIndex.columns)}`);
    else drift.push(...diffIndex(wantIndex, haveIndex));
  }
  for (const extra of unmatched) {
    drift.push(`${want.label}: ${extra.unique ? "unique " : ""}index "${extra.name}" on ${list(extra.columns)} has no @@index/@@unique in schema.prisma`);
  }

  const unmatchedKeys = [...have.foreignKeys];
  for (const wantKey of want.foreignKeys) {
    const position = unmatchedKeys.findIndex((k) => sameList(k.columns, wantKey.columns));
    const haveKey = unmatchedKeys.splice(position, position >= 0 ? 1 : 0)[0];
    if (position < 0 || !haveKey) {
      drift.push(`${wantKey.label}: no foreign key on ${list(wantKey.columns)}`);
      continue;
    }
    const wantTarget = `"${wantKey.referencedTable}"${list(wantKey.referencedColumns)}`;
    const haveTarget = `"${haveKey.referencedTable}"${list(haveKey.referencedColumns)}`;
    if (wantTarget !== haveTarget) drift.push(`${wantKey.label}: expected to reference ${wantTarget}, references ${haveTarget}`);
    if (wantKey.onDelete !== haveKey.onDelete) drift.push(`${wantKey.label}: expected ON DELETE ${wantKey.onDelete}, found ${haveKey.onDelete}`);
    if (wantKey.onUpdate !== haveKey.onUpdate) drift.push(`${wantKey.label}: expected ON UPDATE ${wantKey.onUpdate}, found ${haveKey.onUpdate}`);
    if (wantKey.name !== haveKey.name) drift.push(`${wantKey.label}: foreign key is named "${haveKey.name}", Prisma expects "${wantKey.name}"`);
  }
  for (const extra of unmatchedKeys) {
    drift.push(`${want.label}: foreign key "${extra.name}" on ${list(extra.columns)} has no relation in schema.prisma`);
  }
  return drift;
}

function diffIndex(want: IndexShape, have: IndexShape): string[] {
  const drift: string[] = [];
  if (!sameList(want.columns, have.columns)) drift.push(`${want.label}: expected columns ${list(want.columns)}, found ${list(have.columns)}`);
  if (want.unique !== have.unique) drift.push(`${want.label}: index "${have.name}" should ${want.unique ? "" : "not "}be unique`);
  if (want.name !== have.name) drift.push(`${want.label}: index on ${list(have.columns)} is named "${have.name}", Prisma expects "${want.name}"`);
  if (want.method !== have.method) drift.push(`${want.label}: expected a ${want.method} index, found ${have.method}`);
  if (have.partial) drift.push(`${want.label}: index "${have.name}" is partial (has a WHERE clause)`);
  return drift;
}

// ---------------------------------------------------------------------------
// The tests
// ---------------------------------------------------------------------------

// Databases named afresh each run: on a shared server (GLOSSA_TEST_DATABASE_URL) earlier runs' may remain.
const server = testServer("glossa-schema-test");

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

describe("the migrated schema", () => {
  let datamodel: Datamodel;
  beforeAll(async () => {
    datamodel = readDatamodel(await readFile(path.join(import.meta.dirname, "schema.prisma"), "utf8"));
  });

  it("matches schema.prisma", async () => {
    const url = await server.emptyDatabase();
    await migrate(url);
    const actual = await withClient(url, introspect);
    const expected = expectedSchema(datamodel);

    // Guard against a vacuous pass: the comparison really saw the data model.
    expect(Object.keys(expected.tables)).toContain("user");
    expect(Object.keys(actual.tables)).toContain("_prisma_migrations");
    expect(diffSchemas(expected, actual)).toEqual([]);
  });

  // Each deliberate drift must be reported, exactly once, in words that name the model and field.
  // Listed with the message(s) it must produce; together they must produce nothing else.
  const DRIFTS: { sql: string; message: string | string[] }[] = [
    { sql: `CREATE TABLE "Stray" ("id" TEXT)`, message: `table "Stray" has no model in schema.prisma` },
    { sql: `DROP TABLE "verification"`, message: `model Verification (table "verification"): table "verification" is missing` },
    { sql: `ALTER TABLE "Note" ALTER COLUMN "body" DROP NOT NULL`, message: `Note.body: expected NOT NULL, found nullable` },
    { sql: `ALTER TABLE "Article" ALTER COLUMN "source" SET NOT NULL`, message: `Article.source: expected nullable, found NOT NULL` },
    { sql: `ALTER TABLE "Paragraph" ALTER COLUMN "position" TYPE BIGINT`, message: `Paragraph.position: expected type integer, found bigint` },
    { sql: `ALTER TABLE "Article" ALTER COLUMN "publishedAt" TYPE TIMESTAMPTZ(3)`, message: `Article.publishedAt: expected type timestamp(3) without time zone, found timestamp(3) with time zone` },
    { sql: `ALTER TABLE "Entity" ALTER COLUMN "aliases" TYPE VARCHAR(40)[]`, message: `Entity.aliases: expected type text[], found character varying(40)[]` },
    { sql: `ALTER TABLE "ArticleEvent" ALTER COLUMN "payload" TYPE JSON`, message: `ArticleEvent.payload: expected type jsonb, found json` },
    { sql: `ALTER TABLE "Annotation" ALTER COLUMN "version" DROP DEFAULT`, message: `Annotation.version: expected default 1, found none` },
    { sql: `ALTER TABLE "user" DROP COLUMN "image"`, message: `User.image: column "user"."image" is missing` },
    { sql: `ALTER TABLE "session" ADD COLUMN "legacy" TEXT`, message: `model Session (table "session"): column "session"."legacy" has no field in schema.prisma` },
    { sql: `ALTER TYPE "Visibility" ADD VALUE 'HIDDEN'`, message: `enum Visibility: expected values (SHARED, PRIVATE), found (SHARED, PRIVATE, HIDDEN)` },
    { sql: `CREATE TYPE "Mood" AS ENUM ('HAPPY')`, message: `enum type "Mood" has no enum in schema.prisma` },
    { sql: `DROP INDEX "Note_paragraphId_idx"`, message: `Note @@index([paragraphId]): no index on (paragraphId)` },
    { sql: `ALTER INDEX "Article_slug_key" RENAME TO "Article_slug_unique"`, message: `Article.slug @unique: index on (slug) is named "Article_slug_unique", Prisma expects "Article_slug_key"` },
    {
      sql: `DROP INDEX "Entity_typeId_name_key"; CREATE UNIQUE INDEX "Entity_typeId_name_key" ON "Entity"("name", "typeId")`,
      message: [
        `Entity @@unique([typeId, name]): no index on (typeId, name)`,
        `model Entity: unique index "Entity_typeId_name_key" on (name, typeId) has no @@index/@@unique in schema.prisma`,
      ],
    },
    { sql: `DROP INDEX "session_userId_idx"; CREATE UNIQUE INDEX "session_userId_idx" ON "session"("userId")`, message: `Session @@index([userId]): index "session_userId_idx" should not be unique` },
    { sql: `CREATE INDEX "Paragraph_text_idx" ON "Paragraph"("text")`, message: `model Paragraph: index "Paragraph_text_idx" on (text) has no @@index/@@unique in schema.prisma` },
    {
      sql: `ALTER TABLE "Note" DROP CONSTRAINT "Note_authorId_fkey"; ALTER TABLE "Note" ADD CONSTRAINT "Note_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
      message: `Note.author (→ User): expected ON DELETE RESTRICT, found CASCADE`,
    },
    {
      sql: `ALTER TABLE "Annotation" DROP CONSTRAINT "Annotation_entityId_fkey"; ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_entityId_fkey" FOREIGN KEY ("entityId") REFERENCES "Entity"("id") ON DELETE RESTRICT ON UPDATE CASCADE`,
      message: `Annotation.entity (→ Entity): expected ON DELETE SET NULL, found RESTRICT`,
    },
    { sql: `ALTER TABLE "Paragraph" DROP CONSTRAINT "Paragraph_articleId_fkey"`, message: `Paragraph.article (→ Article): no foreign key on (articleId)` },
    {
      sql: `ALTER TABLE "ArticleEvent" ADD CONSTRAINT "ArticleEvent_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id")`,
      message: `model ArticleEvent: foreign key "ArticleEvent_articleId_fkey" on (articleId) has no relation in schema.prisma`,
    },
    { sql: `ALTER TABLE "rateLimit" DROP CONSTRAINT "rateLimit_pkey"`, message: `RateLimit.id @id: table "rateLimit" has no primary key` },
  ];

  it("reports each kind of drift by model and field", async () => {
    const url = await server.emptyDatabase();
    await migrate(url);
    const actual = await withClient(url, async (client) => {
      for (const { sql } of DRIFTS) await client.query(sql);
      return introspect(client);
    });
    const drift = diffSchemas(expectedSchema(datamodel), actual);
    expect([...drift].sort()).toEqual(DRIFTS.flatMap((d) => d.message).sort());
  });
});

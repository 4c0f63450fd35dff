/**
 * The read rules, as a table: role × owner × visibility × deleted × archived × GLOSSA_REQUIRE_SIGN_IN.
 * The first tables spell out the hard cases; the exhaustive ones then check that the row filters of
 * `./where` (what lists, counts and search run in SQL) select exactly the rows `canRead` allows,
 * by evaluating each filter the way PostgreSQL would on the same rows.
 */
import { describe, expect, it } from "vitest";
import { canCreateProject, canRead, canReadLibrary, canReadSignedIn, canWrite, projectRole, type Actor, type ProjectAccess, type ProjectRole, type ReadPolicy, type Visibility } from "./index";
import {
  projectFacts,
  readableAnnotationWhere,
  readableArticleWhere,
  readableEntityWhere,
  readableMentionWhere,
  readableNoteWhere,
  readableProjectWhere,
  readableWorkWhere,
} from "./where";

const person = (id: string, role: Actor["role"]): Actor => ({ id, role, name: id, email: `${id}@test.glossa`, color: "#000000" });
const ann = person("ann", "ANNOTATOR"); // the author of the work below
const bob = person("bob", "ANNOTATOR");
const rita = person("rita", "READER");
const ada = person("ada", "ADMIN");
const ACTORS = { anonymous: null, author: ann, "another annotator": bob, reader: rita, admin: ada } as const;
type Who = keyof typeof ACTORS;

const OPEN: ReadPolicy = { requireSignIn: false };
const CLOSED: ReadPolicy = { requireSignIn: true };
const LIVE = { archivedAt: null };
const ARCHIVED = { archivedAt: new Date("2026-11-01T00:00:00Z") };
const DELETED = new Date("2026-11-02T00:00:00Z");

const work = (visibility: Visibility, authorId = ann.id, deletedAt: Date | null = null) => ({ authorId, visibility, deletedAt });

describe("canRead, the hard cases", () => {
  it.each<[string, Who, ReadPolicy, boolean]>([
    ["an anonymous visitor reads a live article", "anonymous", OPEN, true],
    ["an anonymous visitor reads nothing when sign-in is required", "anonymous", CLOSED, false],
    ["a reader reads a live article when sign-in is required", "reader", CLOSED, true],
  ])("article: %s", (_, who, policy, expected) => {
    expect(canRead(ACTORS[who], { type: "article", article: LIVE }, policy)).toBe(expected);
    expect(canReadLibrary(ACTORS[who], policy)).toBe(expected);
  });

  it.each<[Who, boolean]>([
    ["anonymous", false],
    ["reader", false],
    ["another annotator", false],
    ["author", false],
    ["admin", true],
  ])("an archived article: %s → %s", (who, expected) => {
    expect(canRead(ACTORS[who], { type: "article", article: ARCHIVED }, OPEN)).toBe(expected);
  });

  it.each<[string, Who, ReturnType<typeof work>, typeof LIVE | typeof ARCHIVED, boolean]>([
    ["shared work, anyone", "anonymous", work("SHARED"), LIVE, true],
    ["private work, its author", "author", work("PRIVATE"), LIVE, true],
    ["private work, another annotator", "another annotator", work("PRIVATE"), LIVE, false],
    ["private work, a reader", "reader", work("PRIVATE"), LIVE, false],
    ["private work, an admin (not even them)", "admin", work("PRIVATE"), LIVE, false],
    ["private work, anonymous", "anonymous", work("PRIVATE"), LIVE, false],
    ["deleted shared work, its author", "author", work("SHARED", ann.id, DELETED), LIVE, false],
    ["shared work on an archived article, its author", "author", work("SHARED"), ARCHIVED, false],
    ["shared work on an archived article, an admin", "admin", work("SHARED"), ARCHIVED, true],
    ["an admin's own private work on an archived article", "admin", work("PRIVATE", ada.id), ARCHIVED, true],
  ])("annotation: %s", (_, who, annotation, article, expected) => {
    expect(canRead(ACTORS[who], { type: "annotation", article, annotation }, OPEN)).toBe(expected);
  });

  it.each<[string, Who, ReturnType<typeof work>, ReturnType<typeof work> | null, boolean]>([
    ["a shared note on no highlight, anyone", "anonymous", work("SHARED", bob.id), null, true],
    ["a shared note on a private highlight, another annotator", "another annotator", work("SHARED", bob.id), work("PRIVATE"), false],
    ["a shared note on a private highlight, the highlight's author", "author", work("SHARED", bob.id), work("PRIVATE"), true],
    ["one's own note on someone else's highlight made private", "another annotator", work("PRIVATE", bob.id), work("PRIVATE"), false],
    ["a shared note on a deleted highlight", "reader", work("SHARED", bob.id), work("SHARED", ann.id, DELETED), false],
    ["a private note on a shared highlight, its author", "another annotator", work("PRIVATE", bob.id), work("SHARED"), true],
  ])("note: %s", (_, who, note, annotation, expected) => {
    expect(canRead(ACTORS[who], { type: "note", article: LIVE, note, annotation }, OPEN)).toBe(expected);
  });

  it.each<[string, Who, string | null, number, ReadPolicy, boolean]>([
    ["with a readable mention, anonymous", "anonymous", ann.id, 1, OPEN, true],
    ["with a readable mention, anonymous, sign-in required", "anonymous", ann.id, 1, CLOSED, false],
    ["without a readable mention, anonymous", "anonymous", ann.id, 0, OPEN, false],
    ["without a readable mention, its creator", "author", ann.id, 0, OPEN, true],
    ["without a readable mention, an admin", "admin", ann.id, 0, OPEN, false],
    ["without a creator or a readable mention, anyone", "author", null, 0, OPEN, false],
  ])("entity: %s", (_, who, createdById, readableMentions, policy, expected) => {
    expect(canRead(ACTORS[who], { type: "entity", createdById, readableMentions }, policy)).toBe(expected);
  });
});

describe("canReadSignedIn (write paths)", () => {
  it("answers as canRead does for someone signed in, whatever the read policy", () => {
    for (const actor of [ann, bob, rita, ada]) for (const article of ARTICLES) for (const annotation of works()) {
      const resource = { type: "annotation" as const, article, annotation };
      expect(canReadSignedIn(actor, resource)).toBe(canRead(actor, resource, OPEN));
      expect(canReadSignedIn(actor, resource)).toBe(canRead(actor, resource, CLOSED));
    }
  });
});

describe("canWrite", () => {
  it.each<[string, Who, Parameters<typeof canWrite>[1], boolean]>([
    ["anonymous, new work", "anonymous", { type: "new-work", article: LIVE }, false],
    ["a reader, new work", "reader", { type: "new-work", article: LIVE }, false],
    ["an annotator, new work", "another annotator", { type: "new-work", article: LIVE }, true],
    ["an annotator, new work on an archived article", "another annotator", { type: "new-work", article: ARCHIVED }, false],
    ["the author, their private annotation", "author", { type: "annotation", article: LIVE, annotation: work("PRIVATE") }, true],
    ["another annotator, a shared annotation", "another annotator", { type: "annotation", article: LIVE, annotation: work("SHARED") }, false],
    ["an admin, someone's shared annotation", "admin", { type: "annotation", article: LIVE, annotation: work("SHARED") }, true],
    ["an admin, someone's private annotation", "admin", { type: "annotation", article: LIVE, annotation: work("PRIVATE") }, false],
    ["the author, their note on an archived article", "author", { type: "note", article: ARCHIVED, note: work("SHARED") }, false],
    ["the author, their deleted note", "author", { type: "note", article: LIVE, note: work("SHARED", ann.id, DELETED) }, false],
    ["an admin, importing", "admin", { type: "article" }, true],
    ["an annotator, importing", "author", { type: "article" }, false],
  ])("%s", (_, who, resource, expected) => {
    expect(canWrite(ACTORS[who], resource)).toBe(expected);
  });
});

// ---------------------------------------------------------------------------------------------
// The row filters select what canRead allows, on every combination
// ---------------------------------------------------------------------------------------------

type Row = Record<string, unknown>;
const OPERATORS = new Set(["not", "in", "contains", "mode", "equals"]);

/** A Prisma `where` evaluated on one row, as PostgreSQL would (only the operators ./where uses). */
function matches(row: Row | null | undefined, where: Row): boolean {
  return Object.entries(where).every(([key, condition]) => {
    if (key === "AND") return (condition as Row[]).every((part) => matches(row, part));
    if (key === "OR") return (condition as Row[]).some((part) => matches(row, part));
    if (!row) return false;
    const value = row[key];
    if (condition === null) return value === null || value === undefined;
    if (typeof condition !== "object" || condition instanceof Date) return value === condition;
    const filter = condition as Row;
    if ("some" in filter) return ((value ?? []) as Row[]).some((item) => matches(item, filter.some as Row));
    if ("none" in filter) return !((value ?? []) as Row[]).some((item) => matches(item, filter.none as Row));
    if ("is" in filter) return value !== null && value !== undefined && matches(value as Row, filter.is as Row);
    const names = Object.keys(filter);
    if (names.length > 0 && names.every((name) => OPERATORS.has(name))) {
      if ("not" in filter) return value !== filter.not;
      if ("in" in filter) return (filter.in as unknown[]).includes(value);
      throw new Error(`The evaluator does not know ${JSON.stringify(filter)}`);
    }
    return value !== null && value !== undefined && matches(value as Row, filter); // a to-one relation
  });
}

const WHO = Object.keys(ACTORS) as Who[];
const OWNERS = [ann.id, ada.id];
const VISIBILITIES: Visibility[] = ["SHARED", "PRIVATE"];
const DELETIONS = [null, DELETED];
const ARTICLES = [LIVE, ARCHIVED];

function* works() {
  for (const authorId of OWNERS) for (const visibility of VISIBILITIES) for (const deletedAt of DELETIONS) yield work(visibility, authorId, deletedAt);
}

describe("the row filters agree with canRead", () => {
  it("articles", () => {
    for (const who of WHO) for (const article of ARTICLES) {
      expect(matches(article, readableArticleWhere(ACTORS[who])), `${who} ${JSON.stringify(article)}`).toBe(canRead(ACTORS[who], { type: "article", article }, OPEN));
    }
  });

  it("annotations, on one article (readableWorkWhere) and across articles (readableAnnotationWhere)", () => {
    let checked = 0;
    for (const who of WHO) for (const article of ARTICLES) for (const annotation of works()) {
      const actor = ACTORS[who];
      const allowed = canRead(actor, { type: "annotation", article, annotation }, OPEN);
      const row = { ...annotation, article };
      const label = `${who} ${JSON.stringify(row)}`;
      expect(matches(row, readableAnnotationWhere(actor)), label).toBe(allowed);
      // An article's loader has checked the article already: the work filter decides the rest.
      if (canRead(actor, { type: "article", article }, OPEN)) expect(matches(row, readableWorkWhere(actor)), label).toBe(allowed);
      checked++;
    }
    expect(checked).toBe(WHO.length * ARTICLES.length * OWNERS.length * VISIBILITIES.length * DELETIONS.length);
  });

  it("notes, on no highlight or on one", () => {
    for (const who of WHO) for (const note of works()) for (const annotation of [null, ...works()]) {
      const actor = ACTORS[who];
      const row = { ...note, annotationId: annotation ? "a1" : null, annotation };
      expect(matches(row, readableNoteWhere(actor)), `${who} ${JSON.stringify(row)}`).toBe(canRead(actor, { type: "note", article: LIVE, note, annotation }, OPEN));
    }
  });

  it("entities: known through a readable mention or quote they said (placed on the text), or to their creator", () => {
    const mentions = [...works()].flatMap((mention) =>
      ARTICLES.flatMap((article) => (["ANCHORED", "ORPHANED"] as const).map((anchorStatus) => ({ ...mention, article, anchorStatus }))),
    );
    // Every entity with no mention, or exactly one of each kind, or one readable by all plus one private.
    const entities = [[], ...mentions.map((mention) => [mention]), [mentions[0]!, mentions.find((mention) => mention.visibility === "PRIVATE")!]];
    for (const who of WHO) for (const createdById of [null, ann.id, bob.id]) for (const annotations of entities) {
      const actor = ACTORS[who];
      const readableMentions = annotations.filter((mention) => matches(mention, readableMentionWhere(actor))).length;
      // A mention counts when canRead allows its annotation and it is placed on the text.
      expect(readableMentions).toBe(
        annotations.filter((mention) => mention.anchorStatus !== "ORPHANED" && canRead(actor, { type: "annotation", article: mention.article, annotation: mention }, OPEN)).length,
      );
      // The same annotations as mentions of it, or as quotes it said (the entity page counts both).
      for (const entity of [
        { createdById, annotations, quotes: [] },
        { createdById, annotations: [], quotes: annotations },
      ]) {
        expect(matches(entity, readableEntityWhere(actor)), `${who} ${JSON.stringify(entity)}`).toBe(canRead(actor, { type: "entity", createdById, readableMentions }, OPEN));
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Projects: Open and Closed, members and their roles, layers of work
// ---------------------------------------------------------------------------------------------

interface ProjectRow {
  id: string;
  access: ProjectAccess;
  members: { userId: string; role: ProjectRole }[];
}

/** The politics desk (Closed): Mia annotates (though a Reader site-wide), Rob reads (though an Annotator site-wide), Max manages. */
const DESK: ProjectRow = { id: "desk", access: "CLOSED", members: [{ userId: "mia", role: "ANNOTATOR" }, { userId: "rob", role: "READER" }, { userId: "max", role: "MANAGER" }] };
/** Another Closed project: Oli is a member of it, not of the desk. */
const OTHER: ProjectRow = { id: "other", access: "CLOSED", members: [{ userId: "oli", role: "MANAGER" }] };
/** An Open project: Rob is only a Reader there too; everyone else has their site role. */
const NEWSROOM: ProjectRow = { id: "newsroom", access: "OPEN", members: [{ userId: "rob", role: "READER" }] };

const PROJECT_ACTORS = {
  anonymous: null,
  "desk annotator (site Reader)": person("mia", "READER"),
  "desk reader (site Annotator)": person("rob", "ANNOTATOR"),
  "desk manager": person("max", "ANNOTATOR"),
  "member of another project": person("oli", "ANNOTATOR"),
  "non-member of the Closed project": person("nina", "ANNOTATOR"),
  "non-member reader": person("rita", "READER"),
  admin: ada,
} as const;
type ProjectWho = keyof typeof PROJECT_ACTORS;

/** The project as `canRead` sees it for this actor (what `projectFactsSelect` loads, mapped by `projectFacts`). */
const factsFor = (actor: Actor | null, project: ProjectRow) => projectFacts({ access: project.access, members: project.members.filter((member) => member.userId === actor?.id) });
const articleIn = (actor: Actor | null, projects: ProjectRow[]) => ({ archivedAt: null, projects: projects.map((project) => factsFor(actor, project)) });

describe("projects: reading", () => {
  it.each<[ProjectWho, boolean]>([
    ["anonymous", false],
    ["desk annotator (site Reader)", true],
    ["desk reader (site Annotator)", true],
    ["desk manager", true],
    ["member of another project", false],
    ["non-member of the Closed project", false],
    ["non-member reader", false],
    ["admin", true],
  ])("an article only in a Closed project: %s → %s", (who, expected) => {
    const actor = PROJECT_ACTORS[who];
    expect(canRead(actor, { type: "article", article: articleIn(actor, [DESK]) }, OPEN)).toBe(expected);
    expect(canRead(actor, { type: "project", project: factsFor(actor, DESK) }, OPEN)).toBe(expected);
  });

  it.each<[string, ProjectWho, ProjectRow[], ReadPolicy, boolean]>([
    ["in an Open project, anonymous", "anonymous", [NEWSROOM], OPEN, true],
    ["in an Open project, anonymous, sign-in required", "anonymous", [NEWSROOM], CLOSED, false],
    ["in an Open project, a non-member", "non-member of the Closed project", [NEWSROOM], CLOSED, true],
    ["in a Closed and an Open project, a non-member of the Closed one", "non-member of the Closed project", [DESK, NEWSROOM], OPEN, true],
    ["in two Closed projects, a member of one", "member of another project", [DESK, OTHER], OPEN, true],
    ["in no project (made outside projects), anyone", "non-member reader", [], OPEN, true],
  ])("an article %s", (_, who, projects, policy, expected) => {
    const actor = PROJECT_ACTORS[who];
    expect(canRead(actor, { type: "article", article: articleIn(actor, projects) }, policy)).toBe(expected);
  });

  it.each<[string, ProjectWho, ProjectRow, Visibility, boolean]>([
    ["shared work in the Closed layer, a member", "desk reader (site Annotator)", DESK, "SHARED", true],
    ["shared work in the Closed layer, a member of another project", "member of another project", DESK, "SHARED", false],
    ["shared work in the Closed layer, a non-member (article open through an Open project)", "non-member of the Closed project", DESK, "SHARED", false],
    ["shared work in the Closed layer, an admin", "admin", DESK, "SHARED", true],
    ["private work of someone else in the Closed layer, an admin (still not)", "admin", DESK, "PRIVATE", false],
    ["shared work in the Open layer, anonymous", "anonymous", NEWSROOM, "SHARED", true],
  ])("%s", (_, who, layer, visibility, expected) => {
    const actor = PROJECT_ACTORS[who];
    const article = articleIn(actor, [DESK, NEWSROOM]);
    const annotation = { authorId: "mia", visibility, project: factsFor(actor, layer) };
    expect(canRead(actor, { type: "annotation", article, annotation }, OPEN)).toBe(expected);
    expect(canRead(actor, { type: "note", article, note: annotation }, OPEN)).toBe(expected);
  });
});

describe("projects: roles and writing", () => {
  it.each<[ProjectWho, ProjectRow, ProjectRole | null]>([
    ["desk annotator (site Reader)", DESK, "ANNOTATOR"],
    ["desk reader (site Annotator)", DESK, "READER"],
    ["desk manager", DESK, "MANAGER"],
    ["member of another project", DESK, null],
    ["non-member of the Closed project", DESK, null],
    ["non-member of the Closed project", NEWSROOM, "ANNOTATOR"],
    ["non-member reader", NEWSROOM, "READER"],
    ["desk reader (site Annotator)", NEWSROOM, "READER"],
    ["admin", OTHER, "MANAGER"],
    ["anonymous", NEWSROOM, null],
  ])("%s in %o: %s", (who, project, expected) => {
    const actor = PROJECT_ACTORS[who];
    expect(projectRole(actor, factsFor(actor, project))).toBe(expected);
  });

  it.each<[ProjectWho, ProjectRow, boolean]>([
    ["desk annotator (site Reader)", DESK, true],
    ["desk reader (site Annotator)", DESK, false],
    ["desk manager", DESK, true],
    ["member of another project", DESK, false],
    ["non-member of the Closed project", DESK, false],
    ["non-member of the Closed project", NEWSROOM, true],
    ["non-member reader", NEWSROOM, false],
    ["admin", DESK, true],
    ["anonymous", NEWSROOM, false],
  ])("new work: %s in %o → %s", (who, project, expected) => {
    const actor = PROJECT_ACTORS[who];
    expect(canWrite(actor, { type: "new-work", article: articleIn(actor, [project]), project: factsFor(actor, project) })).toBe(expected);
  });

  it("an annotator of an Open project may not write into a Closed layer of the same article", () => {
    const actor = PROJECT_ACTORS["non-member of the Closed project"];
    expect(canWrite(actor, { type: "new-work", article: articleIn(actor, [DESK, NEWSROOM]), project: factsFor(actor, DESK) })).toBe(false);
  });

  it.each<[string, ProjectWho, string, boolean]>([
    ["their own work while an Annotator", "desk annotator (site Reader)", "mia", true],
    ["their own work after being made a Reader", "desk reader (site Annotator)", "rob", false],
    ["someone else's work, a Manager (only admins change others' work)", "desk manager", "mia", false],
    ["their own work after removal from the Closed project", "non-member of the Closed project", "nina", false],
    ["someone's shared work, an admin", "admin", "mia", true],
  ])("changing %s", (_, who, authorId, expected) => {
    const actor = PROJECT_ACTORS[who];
    const annotation = { authorId, visibility: "SHARED" as const, project: factsFor(actor, DESK) };
    expect(canWrite(actor, { type: "annotation", article: articleIn(actor, [DESK]), annotation })).toBe(expected);
  });

  it.each<[ProjectWho, boolean]>([
    ["desk manager", true],
    ["desk annotator (site Reader)", false],
    ["member of another project", false],
    ["non-member of the Closed project", false],
    ["admin", true],
    ["anonymous", false],
  ])("managing the Closed project (settings, members, labels, its articles): %s → %s", (who, expected) => {
    const actor = PROJECT_ACTORS[who];
    expect(canWrite(actor, { type: "project", project: factsFor(actor, DESK) })).toBe(expected);
    expect(canWrite(actor, { type: "project-articles", project: factsFor(actor, DESK) })).toBe(expected);
  });

  it("only admins create projects", () => {
    expect(Object.entries(PROJECT_ACTORS).filter(([, actor]) => canCreateProject(actor)).map(([who]) => who)).toEqual(["admin"]);
  });
});

describe("the row filters agree with canRead, with projects", () => {
  const PROJECT_SETS: ProjectRow[][] = [[], [DESK], [OTHER], [NEWSROOM], [DESK, NEWSROOM], [DESK, OTHER]];
  const LAYERS: (ProjectRow | null)[] = [null, DESK, OTHER, NEWSROOM];
  const who = Object.keys(PROJECT_ACTORS) as ProjectWho[];
  const articleRow = (projects: ProjectRow[]) => ({ archivedAt: null, projects: projects.map((project) => ({ project })) });

  it("projects", () => {
    for (const name of who) for (const project of [DESK, OTHER, NEWSROOM]) {
      const actor = PROJECT_ACTORS[name];
      expect(matches({ ...project }, readableProjectWhere(actor)), `${name} ${project.id}`).toBe(canRead(actor, { type: "project", project: factsFor(actor, project) }, OPEN));
    }
  });

  it("articles", () => {
    for (const name of who) for (const projects of PROJECT_SETS) {
      const actor = PROJECT_ACTORS[name];
      const allowed = canRead(actor, { type: "article", article: articleIn(actor, projects) }, OPEN);
      expect(matches(articleRow(projects), readableArticleWhere(actor)), `${name} ${projects.map((p) => p.id)}`).toBe(allowed);
    }
  });

  it("annotations, notes and entities in layers", () => {
    for (const name of who) for (const projects of PROJECT_SETS) for (const layer of LAYERS) for (const visibility of VISIBILITIES) {
      const actor = PROJECT_ACTORS[name];
      const work = { authorId: "mia", visibility, deletedAt: null };
      const article = articleIn(actor, projects);
      const allowed = canRead(actor, { type: "annotation", article, annotation: { ...work, project: layer && factsFor(actor, layer) } }, OPEN);
      const row = { ...work, projectId: layer?.id ?? null, project: layer, article: articleRow(projects), anchorStatus: "ANCHORED" };
      const label = `${name} article in ${projects.map((p) => p.id)} layer ${layer?.id} ${visibility}`;
      expect(matches(row, readableAnnotationWhere(actor)), label).toBe(allowed);
      expect(matches({ createdById: null, annotations: [row], quotes: [] }, readableEntityWhere(actor)), label).toBe(allowed);
      if (canRead(actor, { type: "article", article }, OPEN)) {
        expect(matches(row, readableWorkWhere(actor)), label).toBe(allowed);
        expect(matches({ ...row, annotationId: null, annotation: null }, readableNoteWhere(actor)), label).toBe(allowed);
      }
    }
  });
});

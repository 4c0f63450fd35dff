-- An entity is known through its readable mentions, or to whoever created it.
ALTER TABLE "Entity" ADD COLUMN "createdById" TEXT;

ALTER TABLE "Entity" ADD CONSTRAINT "Entity_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Its creator is the author of the earliest tag linking it (deleted tags included: they made it).
UPDATE "Entity" AS "e"
SET "createdById" = (
  SELECT "a"."authorId" FROM "Annotation" AS "a"
  WHERE "a"."entityId" = "e"."id"
  ORDER BY "a"."createdAt", "a"."id"
  LIMIT 1
);

-- A note on a private highlight is private with it; so is a reply in a private thread. Notes
-- written before this rule are brought under it (replies after their thread's first note).
UPDATE "Note" AS "n" SET "visibility" = 'PRIVATE', "version" = "n"."version" + 1
FROM "Annotation" AS "a"
WHERE "n"."annotationId" = "a"."id" AND "a"."visibility" = 'PRIVATE' AND "n"."visibility" = 'SHARED';

UPDATE "Note" AS "n" SET "visibility" = 'PRIVATE', "version" = "n"."version" + 1
FROM "Note" AS "p"
WHERE "n"."parentId" = "p"."id" AND "p"."visibility" = 'PRIVATE' AND "n"."visibility" = 'SHARED';

-- Aliases are the words of shared mentions only: until now a private tag linked to an entity
-- added its words, which anyone could then read and which others' tags were matched against.
UPDATE "Entity" AS "e" SET "aliases" = COALESCE((
  SELECT array_agg("d"."alias" ORDER BY "d"."first")
  FROM (
    SELECT DISTINCT ON (lower("m"."alias")) "m"."alias", "m"."first"
    FROM (
      SELECT regexp_replace(btrim(normalize("a"."exact", NFC)), '\s+', ' ', 'g') AS "alias", "a"."createdAt" AS "first"
      FROM "Annotation" AS "a"
      WHERE "a"."entityId" = "e"."id" AND "a"."visibility" = 'SHARED' AND "a"."deletedAt" IS NULL
    ) AS "m"
    WHERE lower("m"."alias") <> lower("e"."name")
    ORDER BY lower("m"."alias"), "m"."first"
  ) AS "d"
), ARRAY[]::text[]);

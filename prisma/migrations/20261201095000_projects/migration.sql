-- Projects and label sets (issue 16). Every existing article, annotation, note, entity type and
-- user moves into one default project, "Glossa" (Open, everyone a member with the role they had:
-- Admin → Manager), so nothing changes for today's users.
CREATE TYPE "ProjectAccess" AS ENUM ('OPEN', 'CLOSED');
CREATE TYPE "ProjectRole" AS ENUM ('MANAGER', 'ANNOTATOR', 'READER');

CREATE TABLE "Project" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "guidelines" TEXT NOT NULL DEFAULT '',
    "access" "ProjectAccess" NOT NULL DEFAULT 'OPEN',
    "colorNames" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Project_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Project_slug_key" ON "Project"("slug");

CREATE TABLE "ProjectMember" (
    "projectId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "ProjectRole" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProjectMember_pkey" PRIMARY KEY ("projectId","userId")
);
CREATE INDEX "ProjectMember_userId_idx" ON "ProjectMember"("userId");
ALTER TABLE "ProjectMember" ADD CONSTRAINT "ProjectMember_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ProjectMember" ADD CONSTRAINT "ProjectMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "ArticleProject" (
    "articleId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ArticleProject_pkey" PRIMARY KEY ("articleId","projectId")
);
CREATE INDEX "ArticleProject_projectId_idx" ON "ArticleProject"("projectId");
ALTER TABLE "ArticleProject" ADD CONSTRAINT "ArticleProject_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ArticleProject" ADD CONSTRAINT "ArticleProject_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "Annotation" ADD COLUMN "projectId" TEXT;
CREATE INDEX "Annotation_projectId_idx" ON "Annotation"("projectId");
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "Note" ADD COLUMN "projectId" TEXT;
CREATE INDEX "Note_projectId_idx" ON "Note"("projectId");
ALTER TABLE "Note" ADD CONSTRAINT "Note_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Entity types: keys and hotkeys become unique per project instead of site-wide.
ALTER TABLE "EntityType" ADD COLUMN "projectId" TEXT;
ALTER TABLE "EntityType" ADD COLUMN "description" TEXT NOT NULL DEFAULT '';
DROP INDEX "EntityType_key_key";
ALTER TABLE "EntityType" ADD CONSTRAINT "EntityType_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The default project and everything that exists today in it.
INSERT INTO "Project" ("id", "name", "slug", "description", "access", "updatedAt")
VALUES ('glossa', 'Glossa', 'glossa', 'Everything from before projects: open to everyone, as it was.', 'OPEN', CURRENT_TIMESTAMP);

INSERT INTO "ProjectMember" ("projectId", "userId", "role")
SELECT 'glossa', "id", CASE "role" WHEN 'ADMIN' THEN 'MANAGER'::"ProjectRole" WHEN 'ANNOTATOR' THEN 'ANNOTATOR'::"ProjectRole" ELSE 'READER'::"ProjectRole" END
FROM "user";

INSERT INTO "ArticleProject" ("articleId", "projectId") SELECT "id", 'glossa' FROM "Article";
UPDATE "Annotation" SET "projectId" = 'glossa';
UPDATE "Note" SET "projectId" = 'glossa';
UPDATE "EntityType" SET "projectId" = 'glossa';

-- No admin page edited hotkeys before, but a hand-edited database might repeat one: keep the first.
UPDATE "EntityType" AS t SET "hotkey" = NULL
WHERE t."hotkey" IS NOT NULL AND EXISTS (
  SELECT 1 FROM "EntityType" AS o WHERE o."hotkey" = t."hotkey" AND (o."position", o."id") < (t."position", t."id")
);

CREATE UNIQUE INDEX "EntityType_projectId_key_key" ON "EntityType"("projectId", "key");
CREATE UNIQUE INDEX "EntityType_projectId_hotkey_key" ON "EntityType"("projectId", "hotkey");

-- Search (issue 12) beyond paragraphs: article titles, annotations' quoted words, notes and entity
-- names, each as a tsvector of lemmas. SQL cannot lemmatise (lib/morphology runs in Node), so a
-- trigger on each table marks a row whose text changed as stale in the same transaction as the
-- change: its vector becomes NULL (old words stop matching at once) and the row joins
-- "SearchIndexQueue", which every app instance's indexer (lib/server/search/index-queue.ts) drains
-- within a second. A writer that sets the vector itself in the same statement (the search
-- benchmark's loader) is trusted and not queued.
ALTER TABLE "Article" ADD COLUMN "titleVector" tsvector;
ALTER TABLE "Annotation" ADD COLUMN "searchVector" tsvector;
ALTER TABLE "Note" ADD COLUMN "searchVector" tsvector;
ALTER TABLE "Entity" ADD COLUMN "searchVector" tsvector;

CREATE INDEX "Article_titleVector_idx" ON "Article" USING GIN ("titleVector");
CREATE INDEX "Annotation_searchVector_idx" ON "Annotation" USING GIN ("searchVector");
CREATE INDEX "Note_searchVector_idx" ON "Note" USING GIN ("searchVector");
CREATE INDEX "Entity_searchVector_idx" ON "Entity" USING GIN ("searchVector");

CREATE TABLE "SearchIndexQueue" (
    "source" TEXT NOT NULL,
    "rowId" TEXT NOT NULL,
    "queuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SearchIndexQueue_pkey" PRIMARY KEY ("source","rowId")
);

-- One function for the four tables: TG_ARGV[0] is the vector column, the rest the text columns.
-- The source recorded in the queue is the table's name.
CREATE FUNCTION "glossa_queue_search_vector"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  vector_column text := TG_ARGV[0];
  new_row jsonb := to_jsonb(NEW);
  old_row jsonb;
  changed boolean := false;
  i int;
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF new_row -> vector_column <> 'null'::jsonb THEN RETURN NEW; END IF;
    changed := true;
  ELSE
    old_row := to_jsonb(OLD);
    IF new_row -> vector_column IS DISTINCT FROM old_row -> vector_column THEN RETURN NEW; END IF;
    FOR i IN 1 .. TG_NARGS - 1 LOOP
      changed := changed OR (new_row -> TG_ARGV[i]) IS DISTINCT FROM (old_row -> TG_ARGV[i]);
    END LOOP;
    IF NOT changed THEN RETURN NEW; END IF;
    NEW := jsonb_populate_record(NEW, jsonb_build_object(vector_column, NULL));
  END IF;
  INSERT INTO "SearchIndexQueue" ("source", "rowId") VALUES (TG_TABLE_NAME, NEW."id") ON CONFLICT DO NOTHING;
  RETURN NEW;
END $$;

CREATE TRIGGER "Article_queue_search_vector" BEFORE INSERT OR UPDATE OF "title", "language" ON "Article"
  FOR EACH ROW EXECUTE FUNCTION "glossa_queue_search_vector"('titleVector', 'title', 'language');
CREATE TRIGGER "Annotation_queue_search_vector" BEFORE INSERT OR UPDATE OF "exact" ON "Annotation"
  FOR EACH ROW EXECUTE FUNCTION "glossa_queue_search_vector"('searchVector', 'exact');
CREATE TRIGGER "Note_queue_search_vector" BEFORE INSERT OR UPDATE OF "body" ON "Note"
  FOR EACH ROW EXECUTE FUNCTION "glossa_queue_search_vector"('searchVector', 'body');
-- Not "UPDATE OF name, aliases": a trigger naming a column blocks changing that column's type, and
-- entities are rarely updated, so the function's own check of what changed is enough.
CREATE TRIGGER "Entity_queue_search_vector" BEFORE INSERT OR UPDATE ON "Entity"
  FOR EACH ROW EXECUTE FUNCTION "glossa_queue_search_vector"('searchVector', 'name', 'aliases');

-- Rows stored before this migration are indexed by the indexer like any other stale row.
INSERT INTO "SearchIndexQueue" ("source", "rowId") SELECT 'Article', "id" FROM "Article";
INSERT INTO "SearchIndexQueue" ("source", "rowId") SELECT 'Annotation', "id" FROM "Annotation";
INSERT INTO "SearchIndexQueue" ("source", "rowId") SELECT 'Note', "id" FROM "Note";
INSERT INTO "SearchIndexQueue" ("source", "rowId") SELECT 'Entity', "id" FROM "Entity";

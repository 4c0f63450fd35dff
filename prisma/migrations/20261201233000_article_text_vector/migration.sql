-- Search (issue 12): one lemma vector per article, the candidate filter of search's walk down the
-- newest articles. A walk used to check each article through six index probes (its paragraphs,
-- title, highlights, names, speakers, notes); now one row's vector says whether every word of the
-- query occurs in its current text (and, with positions, whether a phrase's words are adjacent),
-- and only the articles it passes are confirmed paragraph by paragraph. It holds the current
-- revision's paragraph vectors joined in order, so it needs no lemmatising: whoever writes a
-- revision's paragraph vectors builds it in the same transaction (lib/server/search/paragraph-vectors.ts,
-- lib/server/import/insert-new-article.ts), through the function below. Titles, annotations,
-- notes and names keep their own vectors (their read rules are per viewer).
ALTER TABLE "Article" ADD COLUMN "textVector" tsvector;

-- tsvector || tsvector for a whole revision: the right side's positions follow the left's, so a
-- phrase is matched within a paragraph (or, harmlessly for a candidate filter, across the end of one
-- and the start of the next: search confirms on the paragraphs).
CREATE AGGREGATE "glossa_tsvector_concat"(tsvector) (SFUNC = tsvector_concat, STYPE = tsvector, INITCOND = '');

-- The article vector of a revision's paragraph vectors, in paragraph order (NULLs skipped). A
-- tsvector keeps at most 256 positions per lexeme and none past 16,383, so in a long text a
-- phrase's positions could be lost and the filter would leave out an article that matches (nor may
-- positions be stripped: a phrase never matches a stripped vector): such an article gets none
-- (NULL), and search checks it on its paragraphs, as an article whose vector was never written.
CREATE FUNCTION "glossa_article_text_vector"(vectors tsvector[]) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN EXISTS (SELECT 1 FROM unnest("joined"."v") AS "l"
                 WHERE cardinality("l"."positions") >= 255 OR "l"."positions"[cardinality("l"."positions")] >= 16383)
    THEN NULL ELSE "joined"."v" END
  FROM (SELECT "glossa_tsvector_concat"("u"."v" ORDER BY "u"."n") AS "v" FROM unnest(vectors) WITH ORDINALITY AS "u"("v", "n")) AS "joined"
$$;

UPDATE "Article" AS "a" SET "textVector" = "glossa_article_text_vector"(ARRAY(
  SELECT "p"."searchVector" FROM "Paragraph" AS "p" WHERE "p"."articleId" = "a"."id" AND "p"."revision" = "a"."revision" ORDER BY "p"."position"));

CREATE INDEX "Article_textVector_idx" ON "Article" USING GIN ("textVector");

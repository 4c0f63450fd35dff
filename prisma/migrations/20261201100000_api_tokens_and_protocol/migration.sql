-- Personal API tokens (issue 13): the Web Annotation Protocol and the API accept
-- `Authorization: Bearer <token>`; only the token's SHA-256 is stored.
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "windowStart" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "windowCount" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

CREATE INDEX "ApiToken_userId_idx" ON "ApiToken"("userId");

ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Web Annotation Protocol: an annotation's `canonical` IRI and the client's own id (`via`).
CREATE TABLE "AnnotationProvenance" (
    "annotationId" TEXT NOT NULL,
    "canonical" TEXT,
    "via" TEXT,

    CONSTRAINT "AnnotationProvenance_pkey" PRIMARY KEY ("annotationId")
);

ALTER TABLE "AnnotationProvenance" ADD CONSTRAINT "AnnotationProvenance_annotationId_fkey" FOREIGN KEY ("annotationId") REFERENCES "Annotation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

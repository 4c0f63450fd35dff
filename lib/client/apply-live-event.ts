import type { ArticleEventDTO } from "@/lib/annotations/types";
import type { AnnotationStore } from "@/lib/client/annotation-store";

/**
 * Applies one change from the live feed to the reader's store. Idempotent
 * (the reader's own writes are often there already) and never lets an older
 * version replace a newer one. Returns "refetch" when the change cannot be
 * applied piecemeal (a new revision of the text).
 */
export function applyLiveEvent(store: AnnotationStore, event: ArticleEventDTO): "applied" | "ignored" | "refetch" {
  switch (event.type) {
    case "annotation.upserted": {
      const incoming = event.annotation;
      const current = store.annotation(incoming.id);
      if (current && current.version > incoming.version) return "ignored";
      // The reader does not show orphans (they are listed for review elsewhere).
      if (incoming.anchorStatus === "ORPHANED") store.removeAnnotation(incoming.id);
      else store.upsertAnnotation(incoming);
      return "applied";
    }
    case "annotation.deleted":
      return store.removeAnnotation(event.annotationId) ? "applied" : "ignored";
    case "note.upserted": {
      const current = store.note(event.note.id);
      if (current && current.version > event.note.version) return "ignored";
      store.upsertNote(event.note);
      return "applied";
    }
    case "note.deleted":
      return store.removeNote(event.noteId) ? "applied" : "ignored";
    case "article.revised":
      return "refetch";
    // The page (Tag entity menu) and the tags' labels and colours are read again.
    case "labels.changed":
      return "refetch";
    case "curated.changed":
      store.curatedChanged();
      return "applied";
    case "suggestion.decided":
      return store.suggestionDecided(event.suggestionId) ? "applied" : "ignored";
  }
}

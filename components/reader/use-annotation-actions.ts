"use client";

import { useCallback } from "react";
import { annotationDTOFromRow, kindColumnsFromInput, refsFrom } from "@/lib/annotations/annotation-row";
import type { KindData } from "@/lib/annotations/kinds";
import type { AnnotationDTO, NoteDTO } from "@/lib/annotations/types";
import { PENDING } from "@/lib/client/annotation-store";
import { api } from "@/lib/client/api";
import type { ParagraphSelection } from "@/lib/client/selection";
import type { UpdateAnnotationInput } from "@/lib/validations/annotation";
import { useReader } from "@/components/reader/reader-context";

let pendingCounter = 0;

/**
 * Annotation writes with optimistic updates: the change is painted at once,
 * then confirmed (or rolled back with a message) when the server answers.
 */
export function useAnnotationActions() {
  const { articleId, store, actor, entityTypes, visibility, notify, suggestMentions } = useReader();

  const create = useCallback(
    async (selections: ParagraphSelection[], kind: KindData) => {
      if (!actor) return [];
      const now = new Date();
      const created: AnnotationDTO[] = [];
      // The placeholder is mapped like any stored annotation: from a row and what it refers to.
      const refs = refsFrom({ authors: [{ id: actor.id, name: actor.name, color: actor.color }], entityTypes });
      await Promise.all(
        selections.map(async (selection) => {
          const pendingId = `${PENDING}${++pendingCounter}`;
          store.upsertAnnotation(
            annotationDTOFromRow(
              {
                id: pendingId,
                articleId,
                paragraphId: selection.paragraphId,
                kind: kind.kind,
                start: selection.start,
                end: selection.end,
                exact: selection.exact,
                prefix: selection.prefix,
                suffix: selection.suffix,
                ...kindColumnsFromInput(kind),
                visibility,
                anchorStatus: "ANCHORED",
                version: 1,
                authorId: actor.id,
                createdAt: now,
                updatedAt: now,
                // The server puts it in the layer being read; its answer replaces this placeholder.
                projectId: null,
              },
              refs,
            ),
          );
          const result = await api<AnnotationDTO>("POST", `/api/articles/${articleId}/annotations`, {
            paragraphId: selection.paragraphId,
            start: selection.start,
            end: selection.end,
            exact: selection.exact,
            prefix: selection.prefix,
            suffix: selection.suffix,
            visibility,
            ...kind,
          });
          if (result.ok) {
            // The live feed may have delivered it already; either way one copy remains.
            store.upsertAnnotation(result.data, pendingId);
            created.push(result.data);
            if (result.data.kind === "ENTITY" && result.data.entity) suggestMentions(result.data.entity);
          } else {
            store.removeAnnotation(pendingId);
            notify(result.message);
          }
        }),
      );
      return created;
    },
    [actor, articleId, entityTypes, notify, store, visibility, suggestMentions],
  );

  const update = useCallback(
    async (annotation: AnnotationDTO, changes: Omit<UpdateAnnotationInput, "version">) => {
      const result = await api<AnnotationDTO>("PATCH", `/api/annotations/${annotation.id}`, { version: annotation.version, ...changes });
      if (result.ok) store.upsertAnnotation(result.data);
      else {
        const current = (result.details as { current?: AnnotationDTO } | undefined)?.current;
        if (current) store.upsertAnnotation(current);
        notify(result.message);
      }
      return result.ok;
    },
    [notify, store],
  );

  const remove = useCallback(
    async (annotation: AnnotationDTO) => {
      store.removeAnnotation(annotation.id);
      const result = await api<{ id: string }>("DELETE", `/api/annotations/${annotation.id}`);
      if (!result.ok) {
        store.upsertAnnotation(annotation);
        notify(result.message);
        return;
      }
      notify("Annotation deleted.", {
        label: "Undo",
        run: async () => {
          const restored = await api<AnnotationDTO>("POST", `/api/annotations/${annotation.id}/restore`);
          if (restored.ok) store.upsertAnnotation(restored.data);
          else notify(restored.message);
        },
      });
    },
    [notify, store],
  );

  const saveNote = useCallback(
    async (input: { paragraphId: string; body: string; parentId?: string; annotationId?: string }) => {
      const result = await api<NoteDTO>("POST", `/api/articles/${articleId}/notes`, { ...input, visibility });
      if (result.ok) store.upsertNote(result.data);
      else notify(result.message);
      return result;
    },
    [articleId, notify, store, visibility],
  );

  return { create, update, remove, saveNote };
}

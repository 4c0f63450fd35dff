"use client";

import { useCallback, useId, useState, useSyncExternalStore } from "react";
import type { NoteDTO } from "@/lib/annotations/types";
import { api } from "@/lib/client/api";
import { canModify } from "@/lib/permissions";
import { AuthorLine } from "@/components/reader/author-line";
import { useReader } from "@/components/reader/reader-context";
import { useAnnotationActions } from "@/components/reader/use-annotation-actions";
import { VisibilitySelect } from "@/components/reader/visibility-select";
import { Markdown } from "@/components/notes/markdown";

/** The threads on a paragraph (or on one highlight): notes, their replies, and a box to write a new one. */
export function NoteThreads({ paragraphId, annotationId = null }: { paragraphId: string; annotationId?: string | null }) {
  const { store, canWrite } = useReader();
  const subscribe = useCallback((listener: () => void) => store.subscribeParagraph(paragraphId, listener), [store, paragraphId]);
  const all = useSyncExternalStore(subscribe, () => store.paragraphNotes(paragraphId), () => store.paragraphNotes(paragraphId));
  const notes = all.filter((note) => note.annotationId === annotationId);
  const ids = new Set(notes.map((note) => note.id));
  const roots = notes.filter((note) => !note.parentId);
  // Replies whose first note was deleted stay readable under a placeholder.
  const orphanParents = [...new Set(notes.filter((note) => note.parentId && !ids.has(note.parentId)).map((note) => note.parentId!))];

  return (
    <div className="space-y-4">
      {notes.length === 0 && <p className="text-[var(--muted)]">No notes yet.</p>}
      <ol className="space-y-4">
        {roots.map((root) => (
          <li key={root.id} className="rounded-md border border-[var(--rule)] p-3">
            <NoteItem note={root} />
            <Replies notes={notes} parentId={root.id} paragraphId={paragraphId} annotationId={annotationId} />
          </li>
        ))}
        {orphanParents.map((parentId) => (
          <li key={parentId} className="rounded-md border border-dashed border-[var(--rule)] p-3">
            <p className="text-xs italic text-[var(--muted)]">Deleted note</p>
            <Replies notes={notes} parentId={parentId} paragraphId={paragraphId} annotationId={annotationId} canReply={false} />
          </li>
        ))}
      </ol>
      {canWrite && <NoteComposer paragraphId={paragraphId} annotationId={annotationId} />}
    </div>
  );
}

function Replies({ notes, parentId, paragraphId, annotationId, canReply = true }: { notes: NoteDTO[]; parentId: string; paragraphId: string; annotationId: string | null; canReply?: boolean }) {
  const { canWrite } = useReader();
  const [replying, setReplying] = useState(false);
  const replies = notes.filter((note) => note.parentId === parentId);
  return (
    <>
      {replies.length > 0 && (
        <ol className="mt-3 space-y-3 border-l-2 border-[var(--rule)] pl-3" aria-label="Replies">
          {replies.map((reply) => (
            <li key={reply.id}>
              <NoteItem note={reply} />
            </li>
          ))}
        </ol>
      )}
      {canWrite && canReply && !replying && (
        <button type="button" onClick={() => setReplying(true)} className="mt-2 text-xs font-medium text-[var(--accent)]">
          Reply
        </button>
      )}
      {replying && <NoteComposer paragraphId={paragraphId} annotationId={annotationId} parentId={parentId} onDone={() => setReplying(false)} />}
    </>
  );
}

function NoteItem({ note }: { note: NoteDTO }) {
  const { actor, store, notify } = useReader();
  const [editing, setEditing] = useState(false);
  const mayChange = canModify(actor, note.author.id);

  const remove = async () => {
    store.removeNote(note.id);
    const result = await api<{ id: string }>("DELETE", `/api/notes/${note.id}`);
    if (!result.ok) {
      store.upsertNote(note);
      notify(result.message);
    } else notify("Note deleted.");
  };

  return (
    <article aria-label={`Note by ${note.author.name}`} className="space-y-1.5">
      <AuthorLine author={note.author} at={note.createdAt} edited={note.version > 1} />
      {note.visibility === "PRIVATE" && <p className="text-xs text-[var(--muted)]">Private — only you can see it</p>}
      {editing ? <NoteEditor note={note} onDone={() => setEditing(false)} /> : <Markdown>{note.body}</Markdown>}
      {mayChange && !editing && (
        <div className="flex gap-3 text-xs">
          <button type="button" onClick={() => setEditing(true)} className="font-medium text-[var(--muted)] hover:text-[var(--ink)]">
            Edit
          </button>
          <button type="button" onClick={remove} className="font-medium text-[var(--muted)] hover:text-red-700">
            Delete
          </button>
        </div>
      )}
    </article>
  );
}

/**
 * Edits keep the version they started from; if the note changed meanwhile the
 * server answers 409, the newer text is shown, the user's text is kept, and
 * saving again is a deliberate overwrite.
 */
function NoteEditor({ note, onDone }: { note: NoteDTO; onDone: () => void }) {
  const { store } = useReader();
  const [body, setBody] = useState(note.body);
  const [baseVersion, setBaseVersion] = useState(note.version);
  const [conflict, setConflict] = useState<NoteDTO | null>(null);
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  const save = async () => {
    const result = await api<NoteDTO>("PATCH", `/api/notes/${note.id}`, { version: baseVersion, body });
    if (result.ok) {
      store.upsertNote(result.data);
      onDone();
      return;
    }
    const current = (result.details as { current?: NoteDTO } | undefined)?.current;
    if (result.status === 409 && current) {
      store.upsertNote(current);
      setConflict(current);
      setBaseVersion(current.version);
    }
    setError(result.message);
  };

  return (
    <form
      className="space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      {conflict && (
        <div role="status" className="rounded border border-amber-400 bg-amber-50 p-2 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-100">
          <p className="font-medium">Changed by {conflict.author.name === note.author.name ? "another edit" : conflict.author.name} meanwhile. The current text:</p>
          <blockquote className="mt-1 whitespace-pre-wrap border-l-2 border-amber-400 pl-2">{conflict.body}</blockquote>
          <p className="mt-1">Your text is below. Save to replace the current text with yours.</p>
        </div>
      )}
      {error && !conflict && (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      )}
      <label htmlFor={id} className="sr-only">
        Note
      </label>
      <textarea id={id} value={body} onChange={(event) => setBody(event.target.value)} rows={4} maxLength={20_000} className="w-full rounded border border-[var(--rule)] bg-transparent p-2" />
      <div className="flex justify-end gap-2">
        <button type="button" onClick={onDone} className="rounded px-2 py-1 hover:bg-[var(--rule)]">
          Cancel
        </button>
        <button type="submit" disabled={!body.trim()} className="rounded bg-[var(--ink)] px-3 py-1 text-[var(--page)] disabled:opacity-50">
          Save note
        </button>
      </div>
    </form>
  );
}

function NoteComposer({ paragraphId, annotationId, parentId, onDone }: { paragraphId: string; annotationId: string | null; parentId?: string; onDone?: () => void }) {
  const { saveNote } = useAnnotationActions();
  const [body, setBody] = useState("");
  const [pending, setPending] = useState(false);
  const id = useId();

  const submit = async () => {
    if (!body.trim() || pending) return;
    setPending(true);
    const result = await saveNote({ paragraphId, body: body.trim(), parentId, annotationId: annotationId ?? undefined });
    setPending(false);
    if (result.ok) {
      setBody("");
      onDone?.();
    }
  };

  return (
    <form
      className={parentId ? "mt-2 space-y-2" : "space-y-2 border-t border-[var(--rule)] pt-4"}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <label htmlFor={id} className={parentId ? "sr-only" : "block text-xs font-medium"}>
        Note
      </label>
      <textarea
        id={id}
        value={body}
        onChange={(event) => setBody(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) void submit();
        }}
        rows={parentId ? 2 : 3}
        maxLength={20_000}
        placeholder={parentId ? "Write a reply…" : "Write a note… (Markdown: *emphasis*, [links](https://…), lists, > quotes)"}
        className="w-full rounded border border-[var(--rule)] bg-transparent p-2"
      />
      <div className="flex items-center justify-between gap-2 text-xs text-[var(--muted)]">
        {parentId ? <span /> : <VisibilitySelect />}
        <div className="flex gap-2">
          {onDone && (
            <button type="button" onClick={onDone} className="rounded px-2 py-1 hover:bg-[var(--rule)]">
              Cancel
            </button>
          )}
          <button type="submit" disabled={!body.trim() || pending} className="rounded bg-[var(--ink)] px-3 py-1 text-sm text-[var(--page)] disabled:opacity-50">
            Save note
          </button>
        </div>
      </div>
    </form>
  );
}

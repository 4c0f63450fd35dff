import type { AnnotationDTO, NoteDTO } from "@/lib/annotations/types";

type Listener = () => void;
const EMPTY: never[] = [];
/** Ids of optimistic annotations, shown before the server has answered. */
export const PENDING = "pending-";

/**
 * The reader's client state: annotations and notes grouped by paragraph.
 * Each paragraph subscribes to its own slice and gets a new array only when
 * something in it changed, so one change re-renders one paragraph, not the
 * article. Whole-article views (side panel) subscribe to `version`.
 */
export class AnnotationStore {
  private annotations = new Map<string, AnnotationDTO>();
  private notes = new Map<string, NoteDTO>();
  private annotationsByParagraph = new Map<string, AnnotationDTO[]>();
  private notesByParagraph = new Map<string, NoteDTO[]>();
  private paragraphListeners = new Map<string, Set<Listener>>();
  private listeners = new Set<Listener>();
  private version = 0;
  private curatedVersion = 0;
  /** Suggestions someone accepted or rejected while this page was open (heard live): Suggestions regions leave them out. */
  private decidedSuggestions = new Set<string>();
  private suggestionsVersion = 0;
  private painted: Set<string>;
  /** Ids deleted while this page was open: text loaded later must not bring them back. */
  private removed = new Set<string>();

  /**
   * `paintedParagraphIds`: paragraphs whose marks render from the start (the
   * first screens, identical on server and client); the others paint their
   * marks when they come near the viewport, so a long article's first render
   * and hydration stay small. Text is rendered either way.
   */
  constructor(annotations: AnnotationDTO[], notes: NoteDTO[], paintedParagraphIds: string[] = []) {
    this.painted = new Set(paintedParagraphIds);
    for (const annotation of annotations) this.annotations.set(annotation.id, annotation);
    for (const note of notes) this.notes.set(note.id, note);
    for (const annotation of annotations) push(this.annotationsByParagraph, annotation.paragraphId, annotation);
    for (const note of notes) push(this.notesByParagraph, note.paragraphId, note);
  }

  subscribeParagraph = (paragraphId: string, listener: Listener): (() => void) => {
    let set = this.paragraphListeners.get(paragraphId);
    if (!set) this.paragraphListeners.set(paragraphId, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  };

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;
  /** Counts the curated layer's changes heard live (another curator adopted a version): its views read it again. */
  getCuratedVersion = (): number => this.curatedVersion;
  isPainted = (paragraphId: string): boolean => this.painted.has(paragraphId);

  /** Counts the suggestions decided since the page opened: Suggestions regions follow it. */
  getSuggestionsVersion = (): number => this.suggestionsVersion;
  /** Whether a suggestion was accepted or rejected since the page opened (by anyone: heard live, or decided here). */
  isSuggestionDecided = (suggestionId: string): boolean => this.decidedSuggestions.has(suggestionId);

  /**
   * A suggestion was accepted or rejected: tells the whole-article views (an open Suggestions
   * region drops it). False when it was known already (this reader's own decision coming back).
   */
  suggestionDecided(suggestionId: string): boolean {
    if (this.decidedSuggestions.has(suggestionId)) return false;
    this.decidedSuggestions.add(suggestionId);
    this.suggestionsVersion++;
    this.listeners.forEach((listener) => listener());
    return true;
  }

  /** The curated layer changed: tells the whole-article views (they compare `getCuratedVersion`). */
  curatedChanged(): void {
    this.curatedVersion++;
    this.listeners.forEach((listener) => listener());
  }

  /** Lets a paragraph render its marks from now on (it stays painted). */
  paint(paragraphId: string): void {
    if (this.painted.has(paragraphId)) return;
    this.painted.add(paragraphId);
    this.paragraphListeners.get(paragraphId)?.forEach((listener) => listener());
  }

  paragraphAnnotations = (paragraphId: string): AnnotationDTO[] => this.annotationsByParagraph.get(paragraphId) ?? EMPTY;
  paragraphNotes = (paragraphId: string): NoteDTO[] => this.notesByParagraph.get(paragraphId) ?? EMPTY;
  annotation = (id: string): AnnotationDTO | undefined => this.annotations.get(id);
  note = (id: string): NoteDTO | undefined => this.notes.get(id);
  allAnnotations = (): AnnotationDTO[] => [...this.annotations.values()];
  allNotes = (): NoteDTO[] => [...this.notes.values()];

  upsertAnnotation(annotation: AnnotationDTO, replacesId = this.placeholderOf(annotation)): void {
    this.removed.delete(annotation.id);
    const previous = this.annotations.get(replacesId ?? annotation.id);
    if (replacesId) this.annotations.delete(replacesId);
    this.annotations.set(annotation.id, annotation);
    if (previous && previous.paragraphId !== annotation.paragraphId) this.rebuildAnnotations(previous.paragraphId);
    this.rebuildAnnotations(annotation.paragraphId);
  }

  /**
   * The optimistic copy (id `pending-…`) a newly stored annotation stands for: same author,
   * paragraph, kind and range. The live feed often brings an annotation back before its
   * author's own request has answered; it then takes the placeholder's place, so it never
   * shows twice.
   */
  private placeholderOf(annotation: AnnotationDTO): string | undefined {
    if (this.annotations.has(annotation.id) || annotation.id.startsWith(PENDING)) return undefined;
    return this.annotationsByParagraph
      .get(annotation.paragraphId)
      ?.find(
        (other) =>
          other.id.startsWith(PENDING) &&
          other.author.id === annotation.author.id &&
          other.kind === annotation.kind &&
          other.start === annotation.start &&
          other.end === annotation.end,
      )?.id;
  }

  removeAnnotation(id: string): AnnotationDTO | undefined {
    this.removed.add(id);
    const previous = this.annotations.get(id);
    if (!previous) return undefined;
    this.annotations.delete(id);
    this.rebuildAnnotations(previous.paragraphId);
    return previous;
  }

  upsertNote(note: NoteDTO, replacesId?: string): void {
    this.removed.delete(note.id);
    if (replacesId) this.notes.delete(replacesId);
    this.notes.set(note.id, note);
    this.rebuildNotes(note.paragraphId);
  }

  removeNote(id: string): NoteDTO | undefined {
    this.removed.add(id);
    const previous = this.notes.get(id);
    if (!previous) return undefined;
    this.notes.delete(id);
    this.rebuildNotes(previous.paragraphId);
    return previous;
  }

  /**
   * Adds what was loaded with a further stretch of the text. That snapshot may be older than
   * what the live feed already delivered: a newer version or a deletion seen here wins.
   */
  merge(annotations: AnnotationDTO[], notes: NoteDTO[]): void {
    const touched = new Set<string>();
    const fresher = <T extends { id: string; version: number; paragraphId: string }>(map: Map<string, T>, incoming: T[]) =>
      incoming.filter((item) => !this.removed.has(item.id) && (map.get(item.id)?.version ?? -1) < item.version);
    for (const annotation of fresher(this.annotations, annotations)) {
      this.annotations.set(annotation.id, annotation);
      touched.add(annotation.paragraphId);
    }
    const addedNotes = fresher(this.notes, notes);
    for (const note of addedNotes) this.notes.set(note.id, note);
    if (touched.size) this.rebuildAnnotationsOf(touched);
    if (addedNotes.length) this.rebuildNotesOf(new Set(addedNotes.map((note) => note.paragraphId)));
    for (const paragraphId of new Set([...touched, ...addedNotes.map((note) => note.paragraphId)])) this.paragraphListeners.get(paragraphId)?.forEach((listener) => listener());
    this.version++;
    this.listeners.forEach((listener) => listener());
  }

  /** Replaces everything (after a gap in the live feed or a new revision). */
  reset(annotations: AnnotationDTO[], notes: NoteDTO[]): void {
    for (const id of this.annotations.keys()) this.removed.add(id);
    for (const id of this.notes.keys()) this.removed.add(id);
    for (const annotation of annotations) this.removed.delete(annotation.id);
    for (const note of notes) this.removed.delete(note.id);
    const touched = new Set([...this.annotationsByParagraph.keys(), ...this.notesByParagraph.keys()]);
    this.annotations = new Map(annotations.map((annotation) => [annotation.id, annotation]));
    this.notes = new Map(notes.map((note) => [note.id, note]));
    this.annotationsByParagraph = new Map();
    this.notesByParagraph = new Map();
    for (const annotation of annotations) push(this.annotationsByParagraph, annotation.paragraphId, annotation);
    for (const note of notes) push(this.notesByParagraph, note.paragraphId, note);
    for (const annotation of annotations) touched.add(annotation.paragraphId);
    for (const note of notes) touched.add(note.paragraphId);
    this.version++;
    for (const paragraphId of touched) this.paragraphListeners.get(paragraphId)?.forEach((listener) => listener());
    this.listeners.forEach((listener) => listener());
  }

  private rebuildAnnotations(paragraphId: string): void {
    this.rebuildAnnotationsOf(new Set([paragraphId]));
    this.changed(paragraphId);
  }

  private rebuildNotes(paragraphId: string): void {
    this.rebuildNotesOf(new Set([paragraphId]));
    this.changed(paragraphId);
  }

  /** Fresh, sorted lists for `paragraphIds`, in one pass over the store. */
  private rebuildAnnotationsOf(paragraphIds: Set<string>): void {
    const lists = group(this.annotations.values(), paragraphIds);
    for (const [paragraphId, list] of lists) this.annotationsByParagraph.set(paragraphId, list.sort((a, b) => a.start - b.start || b.end - a.end || a.id.localeCompare(b.id)));
  }

  private rebuildNotesOf(paragraphIds: Set<string>): void {
    const lists = group(this.notes.values(), paragraphIds);
    for (const [paragraphId, list] of lists) this.notesByParagraph.set(paragraphId, list.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)));
  }

  private changed(paragraphId: string): void {
    this.version++;
    this.paragraphListeners.get(paragraphId)?.forEach((listener) => listener());
    this.listeners.forEach((listener) => listener());
  }
}

function group<T extends { paragraphId: string }>(items: Iterable<T>, paragraphIds: Set<string>): Map<string, T[]> {
  const lists = new Map<string, T[]>([...paragraphIds].map((id) => [id, []]));
  for (const item of items) lists.get(item.paragraphId)?.push(item);
  return lists;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

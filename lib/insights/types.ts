/**
 * What /insights shows, as plain data: each section's numbers (computed by the database over what
 * the viewer may read, see lib/server/insights) and the table the chart is drawn from.
 */

/** An entity and how often it is mentioned (tagged) in the articles of the filter. */
export interface EntityCount {
  entityId: string;
  name: string;
  typeKey: string;
  typeLabel: string;
  color: string;
  mentions: number;
}

/** Two entities mentioned in the same paragraph (or article) `weight` times. */
export interface CooccurrenceEdge {
  source: string;
  target: string;
  weight: number;
}

export interface Cooccurrence {
  scope: CooccurrenceScope;
  nodes: EntityCount[];
  edges: CooccurrenceEdge[];
}
export type CooccurrenceScope = "paragraph" | "article";

/** A speaker and the quotes attributed to them. */
export interface SpeakerCount {
  speakerId: string;
  name: string;
  quotes: number;
  /** The entities most often mentioned in the paragraphs of their quotes. */
  topEntities: { name: string; mentions: number }[];
}

/** Work of one kind by one person on one day (UTC). */
export interface ActivityCount {
  day: string;
  authorId: string;
  authorName: string;
  kind: ActivityKind;
  count: number;
}
export type ActivityKind = "HIGHLIGHT" | "ENTITY" | "QUOTE" | "NOTE";

/** How much of one article is annotated, and by how many people. */
export interface CoverageRow {
  articleId: string;
  slug: string;
  title: string;
  paragraphs: number;
  annotatedParagraphs: number;
  annotations: number;
  annotators: number;
}

export interface Insights {
  entities: EntityCount[];
  cooccurrence: Cooccurrence;
  speakers: SpeakerCount[];
  activity: ActivityCount[];
  coverage: CoverageRow[];
}

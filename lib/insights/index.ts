/* Insights: plain data and pure helpers shared by the /insights page, its charts and tests. */
export type { ActivityCount, ActivityKind, Cooccurrence, CooccurrenceEdge, CooccurrenceScope, CoverageRow, EntityCount, Insights, SpeakerCount } from "./types";
export { tableCsv, type DataTable } from "./data-table";
export { rankEdges } from "./cooccurrence";
export { activityByDay, sortActivity } from "./activity";

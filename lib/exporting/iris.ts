/**
 * The IRIs an export names things by, all under one base URL (the site's origin, given by the
 * caller, so the writers stay pure). One place, so the export, the parse side and the
 * annotation protocol agree on them.
 */
export interface ExportIris {
  article(slug: string): string;
  /** The paragraph's URL: the article page with the paragraph's anchor. */
  paragraph(slug: string, position: number): string;
  /** The article's annotation container (an LDP container IRI ends in `/`). */
  container(slug: string): string;
  annotation(slug: string, id: string): string;
  note(slug: string, id: string): string;
  user(id: string): string;
  entity(id: string): string;
  entityType(key: string): string;
  /** A project's page: what a project layer is named by. */
  project(slug: string): string;
}

/** IRIs under `baseUrl` (e.g. `https://glossa.example`; a trailing slash is ignored). */
export function exportIris(baseUrl: string): ExportIris {
  const base = new URL(baseUrl).href.replace(/\/+$/, "");
  const article = (slug: string) => `${base}/articles/${encodeURIComponent(slug)}`;
  return {
    article,
    paragraph: (slug, position) => `${article(slug)}#p-${position}`,
    container: (slug) => `${article(slug)}/annotations/`,
    annotation: (slug, id) => `${article(slug)}/annotations/${encodeURIComponent(id)}`,
    note: (slug, id) => `${article(slug)}/notes/${encodeURIComponent(id)}`,
    user: (id) => `${base}/users/${encodeURIComponent(id)}`,
    entity: (id) => `${base}/entities/${encodeURIComponent(id)}`,
    entityType: (key) => `${base}/entity-types/${encodeURIComponent(key)}`,
    project: (slug) => `${base}/projects/${encodeURIComponent(slug)}`,
  };
}

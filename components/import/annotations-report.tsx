import Link from "next/link";
import type { AnnotationImportReport, ImportedItem } from "@/lib/server/import-annotations/import-annotations";

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function ItemLine({ item, slug }: { item: ImportedItem; slug: string }) {
  return (
    <li className="py-1.5">
      <span className="font-medium">{item.what}</span>
      {item.exact !== null && (
        <>
          {" "}
          <q dir="auto" className="font-serif">
            {item.exact}
          </q>
        </>
      )}
      {item.paragraph !== undefined && (
        <>
          {" "}
          <Link href={`/articles/${slug}#p-${item.paragraph}`} className="text-[var(--muted)] underline">
            paragraph {item.paragraph}
          </Link>
        </>
      )}
      {item.detail && <span className="block text-[var(--muted)]">{item.detail}</span>}
      <span className="block text-xs text-[var(--muted)]">
        Item {item.index + 1}
        {item.id ? ` · ${item.id}` : ""}
      </span>
    </li>
  );
}

const SECTIONS = [
  { key: "anchored", title: "Anchored", empty: "Nothing new was anchored." },
  { key: "skipped", title: "Already there", empty: null },
  { key: "orphaned", title: "Orphaned", empty: null },
] as const;

/** What an annotation import did: a summary, then what anchored (linked to its paragraph), what was already there, and each orphan with its reason. */
export function AnnotationsReport({ report, article }: { report: AnnotationImportReport; article: { title: string; slug: string } }) {
  return (
    <section aria-label="Import report" className="mt-6 rounded-md border border-[var(--rule)] px-4 py-3 text-sm">
      <p role="status" className="font-medium">
        {plural(report.anchored.length, "annotation anchored", "annotations anchored")}, {plural(report.skipped.length, "already there", "already there")},{" "}
        {plural(report.orphaned.length, "orphaned", "orphaned")} on{" "}
        <Link href={`/articles/${article.slug}`} className="underline" dir="auto">
          {article.title}
        </Link>
        .
      </p>
      {SECTIONS.map(({ key, title, empty }) => {
        const items = report[key];
        if (items.length === 0 && !empty) return null;
        return (
          <div key={key} className="mt-4">
            <h3 className="text-xs font-medium uppercase tracking-wide text-[var(--muted)]">
              {title} ({items.length})
            </h3>
            {items.length === 0 ? (
              <p className="mt-1 text-[var(--muted)]">{empty}</p>
            ) : (
              <ul aria-label={title} className="mt-1 divide-y divide-[var(--rule)]">
                {items.map((item) => (
                  <ItemLine key={item.index} item={item} slug={article.slug} />
                ))}
              </ul>
            )}
          </div>
        );
      })}
    </section>
  );
}

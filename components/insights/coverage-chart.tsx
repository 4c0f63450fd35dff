"use client";

import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { CoverageRow } from "@/lib/insights";
import { ChartSection } from "./chart-section";

const percent = (row: CoverageRow) => (row.paragraphs === 0 ? 0 : Math.round((100 * row.annotatedParagraphs) / row.paragraphs));

/** Region Coverage: per article, the share of paragraphs with an annotation, and by how many people. */
export function CoverageChart({ coverage }: { coverage: CoverageRow[] }) {
  const router = useRouter();
  const data = coverage.map((row) => ({ ...row, percent: percent(row) }));
  const table = {
    title: "Coverage",
    columns: [
      { key: "title", label: "Article" },
      { key: "paragraphs", label: "Paragraphs", numeric: true },
      { key: "annotated", label: "Annotated paragraphs", numeric: true },
      { key: "percent", label: "Share annotated (%)", numeric: true },
      { key: "annotations", label: "Annotations", numeric: true },
      { key: "annotators", label: "Annotators", numeric: true },
    ],
    rows: data.map((row) => ({ title: row.title, paragraphs: row.paragraphs, annotated: row.annotatedParagraphs, percent: row.percent, annotations: row.annotations, annotators: row.annotators })),
  };
  return (
    <ChartSection title="Coverage" description="The most annotated articles: the share of their paragraphs with an annotation you can read, and by how many people. Choose a bar to open the article." table={table} empty="No annotated articles here yet.">
      <div role="img" aria-label={`Bar chart of the share of paragraphs annotated in ${data.length} articles`} style={{ height: Math.max(140, data.length * 28 + 40) }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} layout="vertical" margin={{ left: 8, right: 24, top: 4, bottom: 4 }}>
            <CartesianGrid horizontal={false} stroke="var(--rule)" />
            <XAxis type="number" domain={[0, 100]} unit="%" stroke="var(--muted)" fontSize={12} />
            <YAxis type="category" dataKey="title" width={220} stroke="var(--muted)" fontSize={12} interval={0} tickFormatter={(title: string) => (title.length > 32 ? `${title.slice(0, 31)}…` : title)} />
            <Tooltip
              cursor={{ fill: "var(--rule)" }}
              contentStyle={{ background: "var(--page)", border: "1px solid var(--rule)" }}
              formatter={(value, _name, item) => {
                const row = item.payload as CoverageRow;
                return [`${value}% (${row.annotatedParagraphs} of ${row.paragraphs} paragraphs) · ${row.annotations} annotations by ${row.annotators}`, "Annotated"];
              }}
            />
            <Bar dataKey="percent" name="Annotated" fill="#8a4b0f" cursor="pointer" onClick={(entry) => router.push(`/articles/${(entry.payload as CoverageRow).slug}`)} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </ChartSection>
  );
}

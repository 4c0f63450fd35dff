"use client";

import { useMemo, useState } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ActivityCount, ActivityKind } from "@/lib/insights";
import { ChartSection } from "./chart-section";

const KIND_LABEL: Record<ActivityKind, string> = { HIGHLIGHT: "Highlights", ENTITY: "Entity tags", QUOTE: "Quotes", NOTE: "Notes" };
const KIND_COLOR: Record<ActivityKind, string> = { HIGHLIGHT: "#ca8a04", ENTITY: "#2563eb", QUOTE: "#0f766e", NOTE: "#9333ea" };
const PALETTE = ["#2563eb", "#dc2626", "#16a34a", "#9333ea", "#ea580c", "#0891b2", "#be185d", "#4d7c0f", "#7c3aed", "#b45309"];

/**
 * The widest a day's bar may be, in pixels: a band chart gives each day the width divided by the
 * number of days, so one day alone would otherwise fill the whole plot.
 */
const ACTIVITY_BAR_MAX = 48;

/** Region Activity: annotations and notes per day, stacked by kind or by person. */
export function ActivityChart({ activity }: { activity: ActivityCount[] }) {
  const [by, setBy] = useState<"kind" | "person">("kind");
  const { days, series } = useMemo(() => {
    const seriesOf = (row: ActivityCount) => (by === "kind" ? KIND_LABEL[row.kind] : row.authorName);
    const names = [...new Set(activity.map(seriesOf))].sort();
    const byDay = new Map<string, Record<string, number | string>>();
    for (const row of activity) {
      const day = byDay.get(row.day) ?? { day: row.day };
      day[seriesOf(row)] = ((day[seriesOf(row)] as number | undefined) ?? 0) + row.count;
      byDay.set(row.day, day);
    }
    const colorOf = (name: string, index: number) => (by === "kind" ? KIND_COLOR[(Object.keys(KIND_LABEL) as ActivityKind[]).find((kind) => KIND_LABEL[kind] === name)!] : PALETTE[index % PALETTE.length]!);
    return { days: [...byDay.values()].sort((a, b) => String(a.day).localeCompare(String(b.day))), series: names.map((name, index) => ({ name, color: colorOf(name, index) })) };
  }, [activity, by]);
  const table = {
    title: "Activity",
    columns: [
      { key: "day", label: "Day" },
      { key: "person", label: "Person" },
      { key: "kind", label: "Kind" },
      { key: "count", label: "Count", numeric: true },
    ],
    rows: activity.map((row) => ({ day: row.day, person: row.authorName, kind: KIND_LABEL[row.kind], count: row.count })),
  };
  return (
    <ChartSection title="Activity" description="Annotations and notes you can read, per day (UTC), by kind or by person." table={table} empty="No annotations or notes in these articles yet.">
      <fieldset className="flex gap-3 text-sm">
        <legend className="sr-only">Stack by</legend>
        {(["kind", "person"] as const).map((value) => (
          <label key={value} className="flex items-center gap-1.5">
            <input type="radio" name="activity-by" checked={by === value} onChange={() => setBy(value)} />
            By {value}
          </label>
        ))}
      </fieldset>
      <div role="img" aria-label={`Stacked bar chart of work per day over ${days.length} days, by ${by}`} className="h-72">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={days} margin={{ left: 0, right: 16, top: 4, bottom: 4 }}>
            <CartesianGrid vertical={false} stroke="var(--rule)" />
            <XAxis dataKey="day" stroke="var(--muted)" fontSize={12} />
            <YAxis allowDecimals={false} stroke="var(--muted)" fontSize={12} />
            <Tooltip cursor={{ fill: "var(--rule)" }} contentStyle={{ background: "var(--page)", border: "1px solid var(--rule)" }} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {series.map((entry) => (
              <Bar key={entry.name} dataKey={entry.name} stackId="work" fill={entry.color} isAnimationActive={false} maxBarSize={ACTIVITY_BAR_MAX} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </ChartSection>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { SpeakerCount } from "@/lib/insights";
import { ChartSection } from "./chart-section";

const QUOTE_COLOR = "#0f766e";

/** Region Quotes by speaker: who is quoted most, with the entities most mentioned around their words. */
export function QuotesChart({ speakers }: { speakers: SpeakerCount[] }) {
  const router = useRouter();
  const table = {
    title: "Quotes by speaker",
    columns: [
      { key: "name", label: "Speaker" },
      { key: "quotes", label: "Quotes", numeric: true },
      { key: "entities", label: "Most mentioned with" },
    ],
    rows: speakers.map((speaker) => ({ name: speaker.name, quotes: speaker.quotes, entities: speaker.topEntities.map((entity) => `${entity.name} (${entity.mentions})`).join(", ") })),
  };
  return (
    <ChartSection title="Quotes by speaker" description="Who said what: quotes per speaker, and the entities most often tagged in the paragraphs of their quotes." table={table} empty="No quotes with a speaker in these articles yet.">
      <div role="img" aria-label={`Bar chart of quotes per speaker: ${speakers.slice(0, 5).map((speaker) => `${speaker.name} ${speaker.quotes}`).join(", ")}`} style={{ height: Math.max(140, speakers.length * 28 + 40) }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={speakers} layout="vertical" margin={{ left: 8, right: 24, top: 4, bottom: 4 }}>
            <CartesianGrid horizontal={false} stroke="var(--rule)" />
            <XAxis type="number" allowDecimals={false} stroke="var(--muted)" fontSize={12} />
            <YAxis type="category" dataKey="name" width={180} stroke="var(--muted)" fontSize={12} interval={0} />
            <Tooltip
              cursor={{ fill: "var(--rule)" }}
              contentStyle={{ background: "var(--page)", border: "1px solid var(--rule)" }}
              formatter={(value, _name, item) => {
                const speaker = item.payload as SpeakerCount;
                return [`${value} quotes${speaker.topEntities.length ? ` · with ${speaker.topEntities.map((entity) => entity.name).join(", ")}` : ""}`, "Quotes"];
              }}
            />
            <Bar dataKey="quotes" name="Quotes" fill={QUOTE_COLOR} cursor="pointer" onClick={(data) => router.push(`/entities/${(data.payload as SpeakerCount).speakerId}`)} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </ChartSection>
  );
}

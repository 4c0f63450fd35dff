"use client";

import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { EntityCount } from "@/lib/insights";
import { ChartSection } from "./chart-section";

/** Region Entities: the most mentioned entities, bars coloured by type; a bar opens the entity's page. */
export function EntitiesChart({ entities }: { entities: EntityCount[] }) {
  const router = useRouter();
  const types = [...new Map(entities.map((entity) => [entity.typeKey, entity])).values()];
  const table = {
    title: "Entities",
    columns: [
      { key: "name", label: "Entity" },
      { key: "type", label: "Type" },
      { key: "mentions", label: "Mentions", numeric: true },
    ],
    rows: entities.map((entity) => ({ name: entity.name, type: entity.typeLabel, mentions: entity.mentions })),
  };
  return (
    <ChartSection title="Entities" description="The most mentioned entities (tags you can read) in the chosen articles. Choose a bar to open the entity." table={table} empty="No entity tags in these articles yet.">
      <ul className="flex flex-wrap gap-3 text-xs" aria-label="Types">
        {types.map((type) => (
          <li key={type.typeKey} className="flex items-center gap-1.5">
            <span aria-hidden className="size-2.5 rounded-sm" style={{ background: type.color }} />
            {type.typeLabel}
          </li>
        ))}
      </ul>
      <div role="img" aria-label={`Bar chart of the ${entities.length} most mentioned entities: ${entities.slice(0, 5).map((entity) => `${entity.name} ${entity.mentions}`).join(", ")}${entities.length > 5 ? ", …" : ""}`} style={{ height: Math.max(160, entities.length * 26 + 40) }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={entities} layout="vertical" margin={{ left: 8, right: 24, top: 4, bottom: 4 }}>
            <CartesianGrid horizontal={false} stroke="var(--rule)" />
            <XAxis type="number" allowDecimals={false} stroke="var(--muted)" fontSize={12} />
            <YAxis type="category" dataKey="name" width={180} stroke="var(--muted)" fontSize={12} interval={0} />
            <Tooltip cursor={{ fill: "var(--rule)" }} contentStyle={{ background: "var(--page)", border: "1px solid var(--rule)" }} formatter={(value, _name, item) => [`${value} mentions`, (item.payload as EntityCount).typeLabel]} />
            <Bar dataKey="mentions" name="Mentions" cursor="pointer" onClick={(data) => router.push(`/entities/${(data.payload as EntityCount).entityId}`)} isAnimationActive={false}>
              {entities.map((entity) => (
                <Cell key={entity.entityId} fill={entity.color} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
    </ChartSection>
  );
}

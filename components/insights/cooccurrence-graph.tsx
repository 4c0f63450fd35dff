"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { Cooccurrence } from "@/lib/insights";
import { ChartSection } from "./chart-section";

type Camera = { zoomIn(): Promise<void>; zoomOut(): Promise<void>; reset(): Promise<void> };

/**
 * Region Co-occurrence: entities mentioned in the same paragraph (or article) as a network drawn
 * by sigma (WebGL) with a ForceAtlas2 layout: node size by mentions, colour by type, edge width by
 * how often the two occur together. Wheel or the buttons zoom, dragging pans, hovering names a
 * node and its links, clicking opens the entity.
 */
export function CooccurrenceGraph({ network, scopeLabel }: { network: Cooccurrence; scopeLabel: string }) {
  const router = useRouter();
  const container = useRef<HTMLDivElement>(null);
  const camera = useRef<Camera | null>(null);
  const [hovered, setHovered] = useState<string | null>(null);
  const names = new Map(network.nodes.map((node) => [node.entityId, node.name]));

  useEffect(() => {
    const element = container.current;
    if (!element || network.edges.length === 0) return;
    let killed = false;
    let kill = () => {};
    // sigma needs the DOM and WebGL: loaded in the browser only.
    void Promise.all([import("graphology"), import("graphology-layout-forceatlas2"), import("sigma")]).then(([{ default: Graph }, { default: forceAtlas2 }, { default: Sigma }]) => {
      if (killed) return;
      const graph = new Graph({ type: "undirected" });
      const maxMentions = Math.max(...network.nodes.map((node) => node.mentions));
      const maxWeight = Math.max(...network.edges.map((edge) => edge.weight));
      network.nodes.forEach((node, index) => {
        // Start on a circle (deterministic), then let ForceAtlas2 pull linked entities together.
        const angle = (2 * Math.PI * index) / network.nodes.length;
        graph.addNode(node.entityId, { label: node.name, x: Math.cos(angle), y: Math.sin(angle), size: 4 + 14 * Math.sqrt(node.mentions / maxMentions), color: node.color });
      });
      for (const edge of network.edges) graph.addEdge(edge.source, edge.target, { size: 0.5 + 4 * (edge.weight / maxWeight), color: "rgba(120,113,108,0.45)", weight: edge.weight });
      forceAtlas2.assign(graph, { iterations: 300, settings: { ...forceAtlas2.inferSettings(graph), edgeWeightInfluence: 1 } });
      const renderer = new Sigma(graph, element, {
        // Node and edge sizes in screen pixels (sigma 4 defaults to graph units, which makes a small network's nodes fill the view).
        settings: { renderLabels: true, labelRenderedSizeThreshold: 8, itemSizesReference: "screen" },
      });
      renderer.on("clickNode", ({ node }) => router.push(`/entities/${node}`));
      renderer.on("enterNode", ({ node }) => {
        element.style.cursor = "pointer";
        setHovered(node);
      });
      renderer.on("leaveNode", () => {
        element.style.cursor = "";
        setHovered(null);
      });
      camera.current = renderer.getCamera();
      kill = () => renderer.kill();
    });
    return () => {
      killed = true;
      camera.current = null;
      kill();
    };
  }, [network, router]);

  const table = {
    title: "Co-occurrence",
    columns: [
      { key: "source", label: "Entity" },
      { key: "target", label: "Entity mentioned with it" },
      { key: "weight", label: `Shared ${scopeLabel}s`, numeric: true },
    ],
    rows: network.edges.map((edge) => ({ source: names.get(edge.source) ?? edge.source, target: names.get(edge.target) ?? edge.target, weight: edge.weight })),
  };
  const links = hovered ? network.edges.filter((edge) => edge.source === hovered || edge.target === hovered) : [];

  return (
    <ChartSection
      title="Co-occurrence"
      description={`Entities tagged in the same ${scopeLabel}: the thicker the line, the more ${scopeLabel}s they share. Scroll or use the buttons to zoom, drag to move, choose an entity to open it.`}
      table={table}
      empty={`No two entities share a ${scopeLabel} in these articles yet.`}
    >
      <div className="flex gap-2 text-xs">
        <button type="button" onClick={() => void camera.current?.zoomIn()} className="rounded border border-[var(--rule)] px-2 py-0.5 hover:bg-[var(--rule)]">
          Zoom in
        </button>
        <button type="button" onClick={() => void camera.current?.zoomOut()} className="rounded border border-[var(--rule)] px-2 py-0.5 hover:bg-[var(--rule)]">
          Zoom out
        </button>
        <button type="button" onClick={() => void camera.current?.reset()} className="rounded border border-[var(--rule)] px-2 py-0.5 hover:bg-[var(--rule)]">
          Reset view
        </button>
      </div>
      <div
        ref={container}
        role="img"
        aria-label={`Network of ${network.nodes.length} entities and ${network.edges.length} links; Show as table lists every link.`}
        data-testid="cooccurrence-network"
        className="h-[28rem] w-full rounded border border-[var(--rule)] text-[var(--ink)]"
      />
      <p aria-live="polite" className="min-h-5 text-sm text-[var(--muted)]">
        {hovered && `${names.get(hovered)}: ${links.map((edge) => `${names.get(edge.source === hovered ? edge.target : edge.source)} (${edge.weight})`).join(", ")}`}
      </p>
    </ChartSection>
  );
}

// @vitest-environment jsdom
/**
 * The Entity box's create option (issue 12, canonical names are editable): a typed name no entity
 * has is offered as "New entity: …"; choosing it creates the entity under that name and relinks.
 */
import { act, createElement } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, describe, expect, it, vi } from "vitest";
import { EntityCombobox } from "./entity-combobox";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

vi.mock("next/link", () => ({ default: ({ children }: { children: unknown }) => children }));

let root: Root | undefined;
let container: HTMLDivElement | undefined;

afterEach(() => {
  act(() => root?.unmount());
  container?.remove();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

const EXISTING = { id: "e1", name: "Владимир Путин", aliases: ["Владимира Путина"], mentions: 2 };

function answer(data: unknown, status = 200) {
  return Promise.resolve(new Response(JSON.stringify({ data }), { status, headers: { "Content-Type": "application/json" } }));
}

async function typeInto(input: HTMLInputElement, text: string) {
  await act(async () => {
    input.focus();
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!;
    setter.call(input, text);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
  // The type-ahead waits 120 ms before it asks.
  await act(async () => {
    await vi.advanceTimersByTimeAsync(200);
  });
}

function render(onChoose: (id: string) => void) {
  container = document.createElement("div");
  document.body.append(container);
  root = createRoot(container);
  act(() => root!.render(createElement(EntityCombobox, { typeId: "per", current: EXISTING, disabled: false, onChoose })));
  return container.querySelector<HTMLInputElement>("input[role=combobox]")!;
}

const options = () => [...container!.querySelectorAll("[role=option]")].map((option) => option.textContent);

describe("EntityCombobox", () => {
  it("offers an edited name as a new entity, creates it under that name and relinks the tag", async () => {
    vi.useFakeTimers();
    const fetch = vi.fn((url: string, init?: RequestInit) => (init?.method === "POST" ? answer({ id: "e2", name: "Владимир Владимирович Путин" }, 201) : answer([EXISTING])));
    vi.stubGlobal("fetch", fetch);
    const onChoose = vi.fn();
    const input = render(onChoose);

    await typeInto(input, "Владимир  Владимирович Путин ");
    expect(options()).toEqual(["Владимир ПутинВладимира Путина2 mentions", "New entity: Владимир Владимирович Путин"]);
    await act(async () => {
      (container!.querySelectorAll("[role=option]")[1] as HTMLElement).click();
    });
    const post = fetch.mock.calls.find(([, init]) => init?.method === "POST")!;
    expect(post[0]).toBe("/api/entities");
    expect(JSON.parse(String(post[1]!.body))).toEqual({ typeId: "per", name: "Владимир Владимирович Путин" });
    expect(onChoose).toHaveBeenCalledWith("e2");
    expect(input.value).toBe("Владимир Владимирович Путин");
  });

  it("offers no new entity for a name an entity has already (any case), nor for an empty box", async () => {
    vi.useFakeTimers();
    vi.stubGlobal("fetch", vi.fn(() => answer([EXISTING])));
    const input = render(() => {});
    await typeInto(input, "владимир путин");
    expect(options()).toEqual(["Владимир ПутинВладимира Путина2 mentions"]);
    await typeInto(input, "   ");
    expect(options()).toEqual(["Владимир ПутинВладимира Путина2 mentions"]);
  });
});

// @vitest-environment jsdom
/**
 * The shared type-ahead (combobox.tsx) in a DOM: named by its label, showing the chosen name,
 * opened by focus, driven by arrow keys and Enter, and Escape kept from document listeners only
 * where the caller asks.
 */
import { act, createElement } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Combobox, useComboboxState } from "./combobox";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const OPTIONS = [
  { id: "a", name: "Кремль" },
  { id: "b", name: "Песков" },
];

let root: Root | undefined;
let container: HTMLDivElement | undefined;

afterEach(() => {
  act(() => root?.unmount());
  container?.remove();
});

function Harness({ shown, containEscape, onChoose }: { shown?: string; containEscape?: boolean; onChoose: (option: (typeof OPTIONS)[number]) => void }) {
  const state = useComboboxState(shown);
  return createElement(Combobox<(typeof OPTIONS)[number]>, {
    state,
    label: "Speaker",
    listLabel: "Speakers",
    options: OPTIONS,
    optionKey: (option) => option.id,
    renderOption: (option) => option.name,
    emptyText: "Nothing",
    onChoose,
    disabled: false,
    placeholder: "Who said it?",
    containEscape,
  });
}

function render(props: { shown?: string; containEscape?: boolean; onChoose: (option: (typeof OPTIONS)[number]) => void }) {
  container = document.createElement("div");
  document.body.append(container);
  root = createRoot(container);
  act(() => root!.render(createElement(Harness, props)));
  const input = container.querySelector<HTMLInputElement>("input[role=combobox]")!;
  const key = (name: string) => act(() => void input.dispatchEvent(new KeyboardEvent("keydown", { key: name, bubbles: true, cancelable: true })));
  return { input, key, list: () => container!.querySelector("[role=listbox]"), rerender: (shown: string) => act(() => root!.render(createElement(Harness, { ...props, shown }))) };
}

describe("Combobox", () => {
  it("is named by its label, opens on focus, moves with the arrow keys and chooses with Enter", () => {
    const onChoose = vi.fn();
    const { input, key, list } = render({ onChoose });
    expect(document.querySelector(`label[for="${input.id}"]`)?.textContent).toBe("Speaker");
    expect(input.placeholder).toBe("Who said it?");
    expect(input.getAttribute("aria-expanded")).toBe("false");
    expect(list()).toBeNull();

    act(() => input.focus());
    expect(input.getAttribute("aria-expanded")).toBe("true");
    expect(list()?.getAttribute("aria-label")).toBe("Speakers");
    expect(input.getAttribute("aria-controls")).toBe(list()?.id);
    expect(input.getAttribute("aria-activedescendant")).toBe(`${list()?.id}-a`);

    key("ArrowDown");
    key("ArrowDown");
    expect(input.getAttribute("aria-activedescendant")).toBe(`${list()?.id}-b`);
    expect([...list()!.querySelectorAll("[role=option]")].map((option) => option.getAttribute("aria-selected"))).toEqual(["false", "true"]);
    key("ArrowUp");
    key("Enter");
    expect(onChoose).toHaveBeenCalledWith(OPTIONS[0]);
    expect(list()).toBeNull();
  });

  it("shows the chosen name, and the new one whenever it changes", () => {
    const { input, rerender } = render({ shown: "Кремль", onChoose: () => {} });
    expect(input.value).toBe("Кремль");
    rerender("Песков");
    expect(input.value).toBe("Песков");
  });

  it("keeps Escape from document listeners only when asked to", () => {
    const onDocumentEscape = vi.fn();
    document.addEventListener("keydown", onDocumentEscape);
    try {
      const contained = render({ onChoose: () => {}, containEscape: true });
      act(() => contained.input.focus());
      contained.key("Escape");
      expect(contained.list()).toBeNull();
      expect(onDocumentEscape).not.toHaveBeenCalled();
      act(() => root?.unmount());
      container?.remove();

      const plain = render({ onChoose: () => {} });
      act(() => plain.input.focus());
      plain.key("Escape");
      expect(plain.list()).toBeNull();
      expect(onDocumentEscape).toHaveBeenCalledTimes(1);
      expect((onDocumentEscape.mock.calls[0]![0] as KeyboardEvent).defaultPrevented).toBe(true);
    } finally {
      document.removeEventListener("keydown", onDocumentEscape);
    }
  });
});

"use client";

import { useId, useState, type Dispatch, type ReactNode, type SetStateAction } from "react";

/** The typed text, whether the list is open and which option is active: the caller's search reads `query` and `open` and resets `active` when new options arrive. */
export interface ComboboxState {
  query: string;
  setQuery: (query: string) => void;
  open: boolean;
  setOpen: (open: boolean) => void;
  active: number;
  setActive: Dispatch<SetStateAction<number>>;
}

/**
 * The state a `Combobox` runs on, held by its caller. The input starts with `shown` (the name of
 * what is chosen) and shows it again whenever it changes, whether chosen here or live by someone else.
 */
export function useComboboxState(shown = ""): ComboboxState {
  const [query, setQuery] = useState(shown);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [lastShown, setLastShown] = useState(shown);
  if (lastShown !== shown) {
    setLastShown(shown);
    setQuery(shown);
  }
  return { query, setQuery, open, setOpen, active, setActive };
}

interface ComboboxProps<T> {
  state: ComboboxState;
  /** The input's visible label, which is also its accessible name. */
  label: string;
  /** The listbox's accessible name. */
  listLabel: string;
  options: readonly T[];
  /** A key unique among the options, also the tail of the option's element id. */
  optionKey: (option: T) => string;
  renderOption: (option: T) => ReactNode;
  /** Shown in the open list when there is no option. */
  emptyText: string;
  /** Called after the list closes. */
  onChoose: (option: T) => void;
  disabled: boolean;
  autoFocus?: boolean;
  placeholder?: string;
  /** Extra classes for the list (e.g. a minimum width). */
  listClassName?: string;
  /**
   * Keep Escape (closing an open list) from reaching document listeners: needed where the combobox
   * sits in a surface that closes on any Escape, such as the selection toolbar.
   */
  containEscape?: boolean;
  /** Shown below the input and list. */
  children?: ReactNode;
}

/**
 * An accessible type-ahead (ARIA combobox with a listbox popup): arrow keys move the active
 * option, Enter chooses it, Escape closes the list, and a click chooses without stealing focus.
 */
export function Combobox<T>({ state, label, listLabel, options, optionKey, renderOption, emptyText, onChoose, disabled, autoFocus, placeholder, listClassName, containEscape, children }: ComboboxProps<T>) {
  const { query, setQuery, open, setOpen, active, setActive } = state;
  const listId = useId();
  const inputId = useId();
  const activeOption = options[active];

  const choose = (option: T) => {
    setOpen(false);
    onChoose(option);
  };

  return (
    <div className="relative space-y-1">
      <label htmlFor={inputId} className="block text-xs font-medium">
        {label}
      </label>
      <input
        id={inputId}
        role="combobox"
        autoFocus={autoFocus}
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && activeOption !== undefined ? `${listId}-${optionKey(activeOption)}` : undefined}
        disabled={disabled}
        value={query}
        placeholder={placeholder}
        onChange={(event) => {
          setQuery(event.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        // Late enough for a click on an option to land first.
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown") {
            event.preventDefault();
            setOpen(true);
            setActive((index) => Math.min(index + 1, options.length - 1));
          } else if (event.key === "ArrowUp") {
            event.preventDefault();
            setActive((index) => Math.max(index - 1, 0));
          } else if (event.key === "Enter" && open && activeOption !== undefined) {
            event.preventDefault();
            choose(activeOption);
          } else if (event.key === "Escape" && open) {
            event.preventDefault();
            if (containEscape) event.stopPropagation();
            setOpen(false);
          }
        }}
        className="w-full rounded border border-[var(--rule)] bg-transparent px-2 py-1.5"
      />
      {open && (
        <ul id={listId} role="listbox" aria-label={listLabel} className={`absolute z-10 mt-1 max-h-60 w-full overflow-y-auto rounded border border-[var(--rule)] bg-[var(--page)] shadow-lg${listClassName ? ` ${listClassName}` : ""}`}>
          {options.length === 0 && <li className="px-2 py-1.5 text-[var(--muted)]">{emptyText}</li>}
          {options.map((option, index) => (
            <li
              key={optionKey(option)}
              id={`${listId}-${optionKey(option)}`}
              role="option"
              aria-selected={index === active}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(option)}
              className={`cursor-pointer px-2 py-1.5 ${index === active ? "bg-[var(--rule)]" : ""}`}
            >
              {renderOption(option)}
            </li>
          ))}
        </ul>
      )}
      {children}
    </div>
  );
}

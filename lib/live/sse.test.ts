import { describe, expect, it } from "vitest";
import { formatSseComment, formatSseMessage, formatSseRetry, SseParser } from "./sse";

describe("formatSseMessage", () => {
  it.each([
    [{ id: "42", event: "annotation.upserted", data: '{"a":1}' }, 'id: 42\nevent: annotation.upserted\ndata: {"a":1}\n\n'],
    [{ event: "presence", data: "{}" }, "event: presence\ndata: {}\n\n"],
    [{ data: "plain" }, "data: plain\n\n"],
    [{ data: "two\nlines" }, "data: two\ndata: lines\n\n"],
    [{ data: "crlf\r\nand\rcr" }, "data: crlf\ndata: and\ndata: cr\n\n"],
    [{ data: "" }, "data: \n\n"],
    [{ id: "1", data: "Кремль 👍🏽 é" }, "id: 1\ndata: Кремль 👍🏽 é\n\n"],
  ])("%j", (input, expected) => {
    expect(formatSseMessage(input)).toBe(expected);
  });

  it("refuses ids and types that would break the framing", () => {
    expect(() => formatSseMessage({ id: "1\n2", data: "x" })).toThrow();
    expect(() => formatSseMessage({ event: "a\nb", data: "x" })).toThrow();
  });

  it("formats comments and retry", () => {
    expect(formatSseComment("heartbeat")).toBe(": heartbeat\n\n");
    expect(formatSseComment("a\nb")).toBe(": a b\n\n");
    expect(formatSseRetry(2000)).toBe("retry: 2000\n\n");
  });
});

describe("SseParser", () => {
  const parseAll = (chunks: string[]) => {
    const parser = new SseParser();
    const messages = chunks.flatMap((chunk) => parser.push(chunk));
    return { parser, messages };
  };

  it("round-trips what the formatter writes", () => {
    const text =
      formatSseRetry(1500) +
      formatSseComment("hello") +
      formatSseMessage({ id: "7", event: "note.upserted", data: JSON.stringify({ body: "Строка\nдве 🇷🇺" }) }) +
      formatSseMessage({ event: "presence", data: "multi\nline" });
    const { parser, messages } = parseAll([text]);
    expect(messages).toEqual([
      { id: "7", event: "note.upserted", data: JSON.stringify({ body: "Строка\nдве 🇷🇺" }) },
      { event: "presence", data: "multi\nline" },
    ]);
    expect(parser.lastEventId).toBe("7");
    expect(parser.retry).toBe(1500);
  });

  it("handles chunks split anywhere, including inside CRLF and multi-unit characters' neighbours", () => {
    const text = "id: 1\r\nevent: a\r\ndata: Путин 😀\r\n\r\nid: 2\rdata: b\r\r: c\n\ndata: d\n\n";
    const whole = parseAll([text]).messages;
    expect(whole).toEqual([
      { id: "1", event: "a", data: "Путин 😀" },
      { id: "2", event: "message", data: "b" },
      { event: "message", data: "d" },
    ]);
    for (let cut = 1; cut < text.length; cut++) {
      expect(parseAll([text.slice(0, cut), text.slice(cut)]).messages).toEqual(whole);
    }
    expect(parseAll([...text]).messages).toEqual(whole);
  });

  it("follows the spec's field rules", () => {
    const { parser, messages } = parseAll([
      "data\n\n", // a field without colon: empty data, dispatched
      "data:no-space\n\n",
      "data:  two-spaces\n\n",
      "id: 9\nevent: only-id\n\n", // no data: not dispatched, but the id sticks
      "id: bad\0id\ndata: x\n\n", // NUL: id ignored
      "unknown: field\ndata: y\n\n",
      "retry: soon\n\n",
    ]);
    expect(messages).toEqual([
      { event: "message", data: "" },
      { event: "message", data: "no-space" },
      { event: "message", data: " two-spaces" },
      { event: "message", data: "x" },
      { event: "message", data: "y" },
    ]);
    expect(parser.lastEventId).toBe("9");
    expect(parser.retry).toBeUndefined();
  });

  it("keeps an unfinished message until its blank line arrives", () => {
    const parser = new SseParser();
    expect(parser.push("id: 3\ndata: partial")).toEqual([]);
    expect(parser.push("\n")).toEqual([]);
    expect(parser.push("\n")).toEqual([{ id: "3", event: "message", data: "partial" }]);
  });

  it("parses a large payload in many small chunks", () => {
    const data = JSON.stringify({ body: "ж".repeat(200_000) });
    const text = formatSseMessage({ id: "123456789012345678", event: "note.upserted", data });
    const parser = new SseParser();
    const messages = [];
    for (let index = 0; index < text.length; index += 4096) messages.push(...parser.push(text.slice(index, index + 4096)));
    expect(messages).toEqual([{ id: "123456789012345678", event: "note.upserted", data }]);
  });
});

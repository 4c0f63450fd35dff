import { SseParser } from "@/lib/live/sse";

/**
 * A reader's live feed of one article as a browser's EventSource keeps it: after an end or an
 * error it reconnects with Last-Event-ID, to the next of `bases` (the instances a load balancer
 * would route it to in turn; the last one is kept). Collects the bodies of the notes it is sent.
 */
export class ReconnectingFeed {
  readonly noteBodies: string[] = [];
  /** The instance that served each connection that opened. */
  readonly servedBy: string[] = [];
  /** When a connection first ended (ms since the epoch), or null while the first is open. */
  firstEnd: number | null = null;
  private lastEventId: string;
  private stopped = false;
  private readonly controller = new AbortController();

  constructor(
    private readonly bases: string[],
    private readonly articleId: string,
    after: string,
    private readonly retryMs: number,
  ) {
    this.lastEventId = after;
    void this.run();
  }

  private async run(): Promise<void> {
    for (let attempt = 0; !this.stopped; attempt++) {
      const base = this.bases[Math.min(attempt, this.bases.length - 1)]!;
      try {
        const response = await fetch(`${base}/api/articles/${this.articleId}/events`, {
          headers: { Accept: "text/event-stream", "Last-Event-ID": this.lastEventId },
          signal: this.controller.signal,
        });
        if (response.ok && response.body) {
          this.servedBy.push(base);
          const parser = new SseParser();
          const decoder = new TextDecoder();
          const reader = response.body.getReader();
          for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
            for (const message of parser.push(decoder.decode(chunk.value, { stream: true }))) {
              if (message.id) this.lastEventId = message.id;
              if (message.event === "note.upserted") this.noteBodies.push((JSON.parse(message.data) as { note: { body: string } }).note.body);
            }
          }
        }
      } catch {
        // refused or dropped: reconnect, as a browser would
      }
      if (this.stopped) return;
      this.firstEnd ??= Date.now();
      await new Promise((resolve) => setTimeout(resolve, this.retryMs));
    }
  }

  stop(): void {
    this.stopped = true;
    this.controller.abort();
  }
}

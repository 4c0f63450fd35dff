import "server-only";
import pg from "pg";
import { sessionDatabaseUrl } from "@/lib/server/direct-pool";

export interface ListenConnectionOptions {
  channels: readonly string[];
  onNotification(channel: string, payload: string): void;
  /**
   * Runs on each new connection after LISTEN and before it counts as ready
   * (the hub reads its starting point there, so no commit falls between the two unheard).
   */
  onConnected(client: pg.Client): Promise<void>;
  /** The connection is up again (or for the first time): re-read what may have been missed. */
  onReady(): void;
}

const FIRST_RETRY_MS = 250;
/** PostgreSQL's feature_not_supported, the code of "cached plan must not change result type". */
const STALE_PREPARED_PLAN = "0A000";
const MAX_RETRY_MS = 10_000;

/**
 * The process's one LISTEN connection to PostgreSQL, a direct one (sessionDatabaseUrl: LISTEN
 * is session state, which a transaction-pooling PgBouncer does not keep). A lost connection (a
 * database restart, a failover, a killed backend) is replaced with
 * exponential backoff and jitter; meanwhile queries wait for it, and every
 * error is logged, never thrown at the process.
 */
export class ListenConnection {
  private client: pg.Client | null = null;
  private generation = 0;
  private connecting = false;
  private retryDelay = FIRST_RETRY_MS;
  private readyPromise!: Promise<void>;
  private markReady!: () => void;
  private isReady = false;
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly options: ListenConnectionOptions) {
    this.resetReady();
  }

  /** Resolves once connected and listening (waits across reconnects). */
  ready(): Promise<void> {
    return this.readyPromise;
  }

  get up(): boolean {
    return this.client !== null && this.isReady;
  }

  /** Connects unless connected or connecting. */
  start(): void {
    if (!this.client && !this.connecting) void this.connect();
  }

  /**
   * Runs one statement on the LISTEN connection, one at a time (pg does not multiplex a connection).
   * `name` prepares it once per connection (the connection is direct, never a transaction pooler's),
   * so a statement run for every commit is not parsed and planned each time.
   */
  query<T extends pg.QueryResultRow>(sql: string, params: unknown[], name?: string): Promise<T[]> {
    const run = this.queue.then(async () => {
      await this.readyPromise;
      const client = this.client;
      const generation = this.generation;
      if (!client) throw new Error("The live connection is down.");
      try {
        return (await client.query<T>({ text: sql, values: params, name })).rows;
      } catch (error) {
        // A migration changed what a prepared statement returns ("cached plan must not change result
        // type"): it fails on this connection for good, so a new one prepares it afresh (and onReady rereads).
        if (name && (error as { code?: string }).code === STALE_PREPARED_PLAN) this.dropped(generation, client, error);
        throw error;
      }
    });
    this.queue = run.then(
      () => {},
      () => {},
    );
    return run;
  }

  private resetReady(): void {
    this.isReady = false;
    this.readyPromise = new Promise((resolve) => (this.markReady = resolve));
  }

  private async connect(): Promise<void> {
    this.connecting = true;
    const generation = ++this.generation;
    const client = new pg.Client({ connectionString: sessionDatabaseUrl(), application_name: "glossa-live", keepAlive: true });
    client.on("notification", (message) => {
      if (generation === this.generation && message.payload !== undefined) this.options.onNotification(message.channel, message.payload);
    });
    client.on("error", (error) => this.dropped(generation, client, error));
    client.on("end", () => this.dropped(generation, client));
    try {
      await client.connect();
      await client.query(this.options.channels.map((channel) => `LISTEN "${channel}"`).join("; "));
      if (generation !== this.generation) return;
      this.client = client;
      await this.options.onConnected(client);
      if (generation !== this.generation) return;
      this.connecting = false;
      this.retryDelay = FIRST_RETRY_MS;
      this.isReady = true;
      this.markReady();
      this.options.onReady();
    } catch (error) {
      this.dropped(generation, client, error);
    }
  }

  private dropped(generation: number, client: pg.Client, error?: unknown): void {
    if (generation !== this.generation) return;
    this.generation++; // ignore anything the dead connection still emits
    if (error) console.error("[live] LISTEN connection lost:", error instanceof Error ? error.message : error);
    client.removeAllListeners("notification");
    client.on("error", () => {});
    client.end().catch(() => {});
    if (this.client === client || this.client === null) {
      // Waiters keep waiting on the pending promise; only a resolved one is replaced.
      if (this.isReady) this.resetReady();
      this.client = null;
    }
    this.connecting = false;
    const delay = this.retryDelay;
    this.retryDelay = Math.min(this.retryDelay * 2, MAX_RETRY_MS);
    setTimeout(() => this.start(), delay + Math.floor(Math.random() * FIRST_RETRY_MS)).unref();
  }
}

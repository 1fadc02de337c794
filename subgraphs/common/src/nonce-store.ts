/**
 * Where a subgraph remembers the nonces of the signed requests it accepted (signed-identity.ts):
 * in this process by default, or in Redis (NONCE_STORE_URL) so that every replica of a subgraph
 * refuses a request any of them has already served.
 *
 * Redis: one `SET <prefix><subgraph>:<nonce> 1 NX PX <2 x SIGNATURE_MAX_SKEW_MS>` per request, atomic,
 * so two replicas receiving the same request at once cannot both accept it, and every key expires
 * once its request's timestamp is refused anyway (memory in Redis is bounded by the request rate
 * over that window). When Redis does not answer within NONCE_STORE_TIMEOUT_MS, or the connection is
 * down, the request is refused (NonceStoreUnavailable → 503), never accepted unchecked: fail closed.
 */
import { Redis } from "ioredis";
import { redact } from "./redact";
import { NonceMemory, NonceStoreUnavailable, type NonceStore } from "./signed-identity";

export type NonceStoreSettings =
  | { kind: "memory" }
  | {
      kind: "redis";
      /** redis:// or rediss:// (password, database number as Redis URLs allow) */
      url: string;
      /** before every key, e.g. "tees:nonce:" (one Redis can serve several deployments) */
      prefix: string;
      /** connecting and each command: longer than this and the request is refused with 503 */
      timeoutMs: number;
    };

export class RedisNonceStore implements NonceStore {
  /** true while commands fail; only the change is logged, not every refused request */
  private failing = false;

  private constructor(
    private readonly client: Redis,
    private readonly keyPrefix: string,
    private readonly windowMs: number,
    private readonly log: (line: string) => void,
    private readonly where: string,
  ) {}

  /**
   * Connects within `timeoutMs`; a Redis that does not answer at start is a configuration error
   * (the subgraph does not start), one that goes away later makes requests fail closed until it is back.
   */
  static async connect(settings: Extract<NonceStoreSettings, { kind: "redis" }>, subgraph: string, windowMs: number, log = (line: string) => console.error(line)): Promise<RedisNonceStore> {
    const where = redact(settings.url);
    const client = new Redis(settings.url, {
      lazyConnect: true,
      connectTimeout: settings.timeoutMs,
      commandTimeout: settings.timeoutMs,
      // while disconnected, a command fails at once instead of waiting in a queue
      enableOfflineQueue: false,
      // a command cut off by a lost connection fails at once; the request is refused, the gateway's caller retries
      maxRetriesPerRequest: 0,
      // a Redis that accepts commands but answers none: each command times out (commandTimeout), but stays
      // queued for a reply that never comes; dropping the silent connection after 2 x the timeout frees them,
      // so the queue holds at most that long's requests, not every request of the stall
      socketTimeout: 2 * settings.timeoutMs,
      // reconnect in the background, at least once a second
      retryStrategy: (times) => Math.min(times * 100, 1_000),
      connectionName: `tees-${subgraph}-nonces`,
    });
    // until it has answered once, a failure is the start's error (thrown below), not an outage to log
    const quiet = () => undefined;
    client.on("error", quiet);
    try {
      await client.connect();
      await client.ping();
    } catch (error) {
      client.disconnect();
      throw new Error(`NONCE_STORE_URL ${where}: Redis does not answer (${(error as Error).message})`);
    }
    const store = new RedisNonceStore(client, `${settings.prefix}${subgraph}:`, windowMs, (line) => log(`[${subgraph}] ${line}`), where);
    client.off("error", quiet);
    client.on("error", (error: Error) => store.down(error));
    client.on("ready", () => store.up());
    return store;
  }

  async remember(nonce: string, now: number): Promise<boolean> {
    void now; // Redis expires the key itself, PX after it was set
    let answer: string | null;
    try {
      answer = await this.client.set(this.keyPrefix + nonce, "1", "PX", 2 * this.windowMs, "NX");
    } catch (error) {
      this.down(error as Error);
      throw new NonceStoreUnavailable("the nonce store (Redis) does not answer, so a replay cannot be ruled out");
    }
    this.up();
    return answer === "OK";
  }

  async ready(): Promise<boolean> {
    try {
      return (await this.client.ping()) === "PONG";
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    this.client.removeAllListeners("error");
    this.client.on("error", () => undefined);
    await this.client.quit().catch(() => this.client.disconnect());
  }

  private down(error: Error): void {
    if (this.failing) return;
    this.failing = true;
    this.log(`nonce store ${this.where} unreachable (${error.message}): refusing signed requests with 503 until it answers`);
  }

  private up(): void {
    if (!this.failing) return;
    this.failing = false;
    this.log(`nonce store ${this.where} answers again`);
  }
}

/** The store a subgraph's settings ask for: memory (one process) unless NONCE_STORE_URL names a Redis. */
export async function openNonceStore(settings: NonceStoreSettings, subgraph: string, windowMs: number): Promise<NonceStore> {
  return settings.kind === "redis" ? RedisNonceStore.connect(settings, subgraph, windowMs) : new NonceMemory(windowMs);
}

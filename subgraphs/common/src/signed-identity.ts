/**
 * The identity the gateway forwards to a subgraph, and the HMAC that proves the
 * gateway sent it. ONE definition for both sides: the gateway signs with
 * `signRequest`, every subgraph checks with `verifyRequest` before it parses the body.
 * Only node:crypto here, so the gateway can import it without the subgraphs' database stack
 * (the shared Redis nonce store is in nonce-store.ts).
 *
 * Signed message (HMAC-SHA256, hex), protocol v2:
 *   v2 \n audience \n timestamp \n nonce \n method \n identity header \n body
 * - the audience is the target subgraph's name: the subgraph puts its OWN name there when it
 *   checks, so a request signed for one subgraph is refused by every other (even one that was
 *   given the same secret by mistake);
 * - the body binds the signature to this exact operation and its variables (a subgraph executes
 *   only POST bodies: signed-http-server.ts refuses every other method, so nothing unsigned, such as a GET's
 *   `?query=`, is ever executed);
 * - the timestamp bounds how long a captured request could be replayed, and the nonce,
 *   remembered for that window (in process, or shared in Redis between replicas), stops a replay inside it;
 * - the secret is per subgraph: one subgraph's secret cannot forge requests to another.
 * v1 (no audience) is refused with a message saying so.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { SubgraphAuth } from "./config";

export const ROLES = ["analyst", "editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** Who is asking, as the gateway verified it from the bearer token. */
export interface Identity {
  /** the token's subject; "anonymous" for anonymous reads */
  subject: string;
  /** anonymous: no token (allowed only when the gateway allows anonymous reads) */
  role: Role | "anonymous";
  /** editors: the authority (ONS GSS code) they act for, from the token only; null for every other role */
  authority: string | null;
}

export const ANONYMOUS: Identity = Object.freeze({ subject: "anonymous", role: "anonymous", authority: null });

export const IDENTITY_HEADER = "x-tees-identity";
export const TIMESTAMP_HEADER = "x-tees-timestamp";
export const NONCE_HEADER = "x-tees-nonce";
export const SIGNATURE_HEADER = "x-tees-signature";
/** the subgraph the request was signed for (also inside the HMAC; the header only makes a wrong target a clear refusal) */
export const AUDIENCE_HEADER = "x-tees-audience";
/** headers a client could send to pose as the gateway: the gateway never forwards them */
export const SIGNED_HEADERS = [IDENTITY_HEADER, AUDIENCE_HEADER, TIMESTAMP_HEADER, NONCE_HEADER, SIGNATURE_HEADER] as const;

/** the version of the signed material; changes whenever what is signed changes */
export const PROTOCOL = "v2";

/** What the gateway signs one subgraph's requests with: that subgraph's secret and its name (the audience). */
export interface SigningKey {
  secret: string;
  /** the subgraph's name as composed (region, redcar-and-cleveland, education, care, ...) */
  audience: string;
}

/** a subgraph name: it sits on a line of its own in the signed message, so no line breaks (or anything else odd) */
const AUDIENCE = /^[A-Za-z0-9_-]{1,100}$/;
export const isAudience = (name: string): boolean => AUDIENCE.test(name);

/** at least 32 characters: a shorter HMAC key is guessable offline from one captured request */
export const MIN_SECRET_LENGTH = 32;

/** docker-compose.yml's development defaults say so; with NODE_ENV=production they are refused */
export const isPlaceholderSecret = (secret: string): boolean => secret.includes("dev-only-change-me");

const GSS_CODE = /^E\d{8}$/;

function message(audience: string, timestamp: string, nonce: string, method: string, identityHeader: string, body: string): string {
  return `${PROTOCOL}\n${audience}\n${timestamp}\n${nonce}\n${method.toUpperCase()}\n${identityHeader}\n${body}`;
}

function hmac(secret: string, text: string): string {
  return createHmac("sha256", secret).update(text, "utf8").digest("hex");
}

export function encodeIdentity(identity: Identity): string {
  return Buffer.from(JSON.stringify({ sub: identity.subject, role: identity.role, authority: identity.authority }), "utf8").toString("base64url");
}

/** Returns the identity, or a reason it is not one (malformed header: never trusted in part). */
export function decodeIdentity(header: string): Identity | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(header, "base64url").toString("utf8"));
  } catch {
    return "identity header is not base64url JSON";
  }
  if (typeof parsed !== "object" || parsed === null) return "identity is not an object";
  const { sub, role, authority } = parsed as Record<string, unknown>;
  if (typeof sub !== "string" || sub.length === 0 || sub.length > 200) return "identity subject is missing or too long";
  if (role !== "anonymous" && !(ROLES as readonly unknown[]).includes(role)) return `identity role "${String(role)}" is not one of anonymous, ${ROLES.join(", ")}`;
  if (role === "editor") {
    if (typeof authority !== "string" || !GSS_CODE.test(authority)) return "an editor's identity must carry the authority code it acts for";
  } else if (authority !== null) {
    return "only an editor's identity carries an authority";
  }
  return { subject: sub, role: role as Identity["role"], authority: (authority as string | null) ?? null };
}

/** The headers the gateway adds to one subgraph request (to the subgraph named by `key.audience`). */
export function signRequest(key: SigningKey, identity: Identity, method: string, body: string, now = Date.now()): Record<string, string> {
  if (!isAudience(key.audience)) throw new Error(`cannot sign for subgraph "${key.audience}": a subgraph name is 1 to 100 of A-Z a-z 0-9 _ -`);
  const timestamp = String(now);
  const nonce = randomBytes(16).toString("hex");
  const identityHeader = encodeIdentity(identity);
  return {
    [IDENTITY_HEADER]: identityHeader,
    [AUDIENCE_HEADER]: key.audience,
    [TIMESTAMP_HEADER]: timestamp,
    [NONCE_HEADER]: nonce,
    [SIGNATURE_HEADER]: `${PROTOCOL}=${hmac(key.secret, message(key.audience, timestamp, nonce, method, identityHeader, body))}`,
  };
}

/** One request's check: a subgraph's signing settings (config.ts SubgraphAuth) and its own name. */
export type VerifyOptions = Pick<SubgraphAuth, "secrets" | "maxSkewMs"> & {
  /** this subgraph's own name: only requests signed for it are accepted */
  audience: string;
  now?: number;
};

export type Verified = { ok: true; identity: Identity } | { ok: false; reason: string };

/**
 * Where a subgraph remembers the nonces it has accepted, for 2 x SIGNATURE_MAX_SKEW_MS: in this
 * process (NonceMemory, the default) or shared by every replica (RedisNonceStore, nonce-store.ts).
 */
export interface NonceStore {
  /**
   * true: first use, now remembered; false: already used inside the window (a replay).
   * Rejects with NonceStoreUnavailable when it cannot tell: the request is then refused, never accepted.
   */
  remember(nonce: string, now: number): boolean | Promise<boolean>;
  /** readiness: does the store answer? */
  ready(): Promise<boolean>;
  close(): Promise<void>;
}

/** The nonce store could not say whether a nonce was used: the subgraph answers 503 (fail closed). */
export class NonceStoreUnavailable extends Error {
  override name = "NonceStoreUnavailable";
}

/**
 * Nonces seen recently, in two generations of 2 x the skew window each: a request can be replayed
 * only while its timestamp is within the window either side of now (2 x skew of wall time), and every
 * nonce is remembered for at least that long. O(1) per request, and memory bounded by the request rate
 * (at most the nonces of the last 4 x skew). In memory, per process: replicas share nothing, so a
 * subgraph run as several replicas uses the Redis store (NONCE_STORE_URL) instead.
 */
export class NonceMemory implements NonceStore {
  private current = new Set<string>();
  private previous = new Set<string>();
  private generationStarted = -Infinity;
  constructor(private readonly windowMs: number) {}

  /** false when the nonce was already used inside the window */
  remember(nonce: string, now: number): boolean {
    if (now - this.generationStarted >= 2 * this.windowMs) {
      this.previous = now - this.generationStarted >= 4 * this.windowMs ? new Set() : this.current;
      this.current = new Set();
      this.generationStarted = now;
    }
    if (this.current.has(nonce) || this.previous.has(nonce)) return false;
    this.current.add(nonce);
    return true;
  }

  /** how many nonces are held (tests: memory stays bounded by the request rate) */
  get size(): number {
    return this.current.size + this.previous.size;
  }

  async ready(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {}
}

type HeaderGetter = (name: string) => string | undefined;

type Checked = { ok: true; identity: Identity; nonce: string; now: number } | { ok: false; reason: string };

/** Everything but the nonce: the protocol, the audience, the timestamp and the HMAC, then the identity. */
export function checkSignature(header: HeaderGetter, method: string, body: string, options: VerifyOptions): Checked {
  const signature = header(SIGNATURE_HEADER);
  if (signature?.startsWith("v1=")) return { ok: false, reason: `signature protocol v1 is no longer accepted: this subgraph expects ${PROTOCOL} (upgrade the gateway)` };
  const identityHeader = header(IDENTITY_HEADER);
  const audience = header(AUDIENCE_HEADER);
  const timestamp = header(TIMESTAMP_HEADER);
  const nonce = header(NONCE_HEADER);
  if (!identityHeader || !audience || !timestamp || !nonce || !signature) return { ok: false, reason: "request is not signed by the gateway" };
  if (!signature.startsWith(`${PROTOCOL}=`) || !/^[0-9a-f]{64}$/.test(signature.slice(PROTOCOL.length + 1))) return { ok: false, reason: `signature is malformed (expected ${PROTOCOL}= and 64 hex digits)` };
  if (audience !== options.audience) return { ok: false, reason: "request is signed for another subgraph" };
  if (!/^\d{1,16}$/.test(timestamp)) return { ok: false, reason: "signature timestamp is malformed" };
  if (!/^[0-9a-f]{32}$/.test(nonce)) return { ok: false, reason: "signature nonce is malformed" };
  const now = options.now ?? Date.now();
  if (Math.abs(now - Number(timestamp)) > options.maxSkewMs) return { ok: false, reason: "signature timestamp is outside the allowed window" };
  const given = Buffer.from(signature.slice(PROTOCOL.length + 1), "hex");
  // the audience signed is this subgraph's own name, never the header's
  const text = message(options.audience, timestamp, nonce, method, identityHeader, body);
  const matches = options.secrets.some((secret) => timingSafeEqual(given, createHmac("sha256", secret).update(text, "utf8").digest()));
  if (!matches) return { ok: false, reason: "signature does not match" };
  const identity = decodeIdentity(identityHeader);
  if (typeof identity === "string") return { ok: false, reason: identity };
  return { ok: true, identity, nonce, now };
}

/**
 * The whole check of one request. Rejects with NonceStoreUnavailable when the nonce store cannot
 * answer (the caller answers 503: a request whose replay cannot be ruled out is not served).
 */
export async function verifyRequest(header: HeaderGetter, method: string, body: string, options: VerifyOptions, nonces: NonceStore): Promise<Verified> {
  const checked = checkSignature(header, method, body, options);
  if (!checked.ok) return checked;
  // only after the signature matched, so an attacker cannot burn the gateway's nonces
  if (!(await nonces.remember(checked.nonce, checked.now))) return { ok: false, reason: "signature was already used (replay)" };
  return { ok: true, identity: checked.identity };
}

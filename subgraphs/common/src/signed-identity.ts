/**
 * The identity the gateway forwards to a subgraph, and the HMAC that proves the
 * gateway sent it. ONE definition for both sides: the gateway signs with
 * `signRequest`, every subgraph checks with `verifyRequest` before it parses the body.
 * Only node:crypto here, so the gateway can import it without the subgraphs' database stack.
 *
 * Signed message (HMAC-SHA256, hex):  v1 \n timestamp \n nonce \n method \n identity header \n body
 * - the body binds the signature to this exact operation and its variables;
 * - the timestamp bounds how long a captured request could be replayed, and the nonce,
 *   remembered for that window, stops a replay inside it;
 * - the secret is per subgraph: one subgraph's secret cannot forge requests to another.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

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
/** headers a client could send to pose as the gateway: the gateway never forwards them */
export const SIGNED_HEADERS = [IDENTITY_HEADER, TIMESTAMP_HEADER, NONCE_HEADER, SIGNATURE_HEADER] as const;

/** at least 32 characters: a shorter HMAC key is guessable offline from one captured request */
export const MIN_SECRET_LENGTH = 32;

/** docker-compose.yml's development defaults say so; with NODE_ENV=production they are refused */
export const isPlaceholderSecret = (secret: string): boolean => secret.includes("dev-only-change-me");

const GSS_CODE = /^E\d{8}$/;

function message(timestamp: string, nonce: string, method: string, identityHeader: string, body: string): string {
  return `v1\n${timestamp}\n${nonce}\n${method.toUpperCase()}\n${identityHeader}\n${body}`;
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

/** The headers the gateway adds to one subgraph request. */
export function signRequest(secret: string, identity: Identity, method: string, body: string, now = Date.now()): Record<string, string> {
  const timestamp = String(now);
  const nonce = randomBytes(16).toString("hex");
  const identityHeader = encodeIdentity(identity);
  return {
    [IDENTITY_HEADER]: identityHeader,
    [TIMESTAMP_HEADER]: timestamp,
    [NONCE_HEADER]: nonce,
    [SIGNATURE_HEADER]: `v1=${hmac(secret, message(timestamp, nonce, method, identityHeader, body))}`,
  };
}

export interface VerifyOptions {
  /** accepted secrets: the current one first, then any still being rotated out */
  secrets: readonly string[];
  /** how far the timestamp may be from this clock, either way */
  maxSkewMs: number;
  now?: number;
}

export type Verified = { ok: true; identity: Identity } | { ok: false; reason: string };

/**
 * Nonces seen recently, in two generations of 2 x the skew window each: a request can be replayed
 * only while its timestamp is within the window either side of now (2 x skew of wall time), and every
 * nonce is remembered for at least that long. O(1) per request, and memory bounded by the request rate.
 * In memory, per process: a subgraph scaled to several replicas would need them shared (SECURITY.md).
 */
export class NonceMemory {
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
}

type HeaderGetter = (name: string) => string | undefined;

export function verifyRequest(header: HeaderGetter, method: string, body: string, options: VerifyOptions, nonces: NonceMemory): Verified {
  const identityHeader = header(IDENTITY_HEADER);
  const timestamp = header(TIMESTAMP_HEADER);
  const nonce = header(NONCE_HEADER);
  const signature = header(SIGNATURE_HEADER);
  if (!identityHeader || !timestamp || !nonce || !signature) return { ok: false, reason: "request is not signed by the gateway" };
  if (!/^\d{1,16}$/.test(timestamp)) return { ok: false, reason: "signature timestamp is malformed" };
  if (!/^[0-9a-f]{32}$/.test(nonce)) return { ok: false, reason: "signature nonce is malformed" };
  const now = options.now ?? Date.now();
  if (Math.abs(now - Number(timestamp)) > options.maxSkewMs) return { ok: false, reason: "signature timestamp is outside the allowed window" };
  const given = Buffer.from(signature.replace(/^v1=/, ""), "hex");
  const text = message(timestamp, nonce, method, identityHeader, body);
  const matches = options.secrets.some((secret) => {
    const expected = Buffer.from(hmac(secret, text), "hex");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!matches) return { ok: false, reason: "signature does not match" };
  const identity = decodeIdentity(identityHeader);
  if (typeof identity === "string") return { ok: false, reason: identity };
  // only after the signature matched, so an attacker cannot burn the gateway's nonces
  if (!nonces.remember(nonce, now)) return { ok: false, reason: "signature was already used (replay)" };
  return { ok: true, identity };
}

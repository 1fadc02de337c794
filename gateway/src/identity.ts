import { readFileSync } from "node:fs";
import { createLocalJWKSet, errors as joseErrors, jwtVerify, SignJWT, type JSONWebKeySet, type JWTPayload } from "jose";
import { LRUCache } from "lru-cache";
import type { GatewayPlugin } from "@graphql-hive/gateway-runtime";
import { tooManyRequests, type RateLimit } from "./rate-limit";
import type { TokenSettings } from "@tees/subgraph-common/config";
import { ANONYMOUS, encodeIdentity, IDENTITY_HEADER, ROLES, SIGNED_HEADERS, signRequest, type Identity, type Role, type SigningKey } from "@tees/subgraph-common/signed-identity";

/**
 * Who is asking: the gateway verifies the bearer token (jose), and hands the subgraphs
 * that identity in signed form (signed-identity.ts). It decides nothing else: every
 * "may this identity do this?" is the owning subgraph's decision. Its settings are the gateway's part
 * of the one AuthSettings (@tees/subgraph-common/config): the token checks, and each subgraph's key.
 */
const GSS_CODE = /^E\d{8}$/;
const ASYMMETRIC = ["RS256", "ES256", "EdDSA"];

/** 24 hours: a working day's token (npm run token issues 8 hours) with room; an identity provider's are shorter */
export const DEFAULT_MAX_TOKEN_AGE_SECONDS = 86_400;
/** clocks of an issuer and the gateway may differ by this much */
export const DEFAULT_CLOCK_TOLERANCE_SECONDS = 30;
/** the subgraphs refuse a longer subject (decodeIdentity in signed-identity.ts): refused here first, as a 401 */
export const MAX_SUBJECT_LENGTH = 200;

class TokenRejected extends Error {}

/** a string of 1 to MAX_SUBJECT_LENGTH characters, none of them a control character */
function saneSubject(sub: unknown): sub is string {
  if (typeof sub !== "string" || sub.length === 0 || sub.length > MAX_SUBJECT_LENGTH) return false;
  for (let i = 0; i < sub.length; i++) {
    const code = sub.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return false;
  }
  return true;
}

const span = (seconds: number) => (seconds % 3600 === 0 ? `${seconds / 3600}h` : `${seconds}s`);

function identityFrom(payload: JWTPayload, maxTokenAge: number): Identity {
  const { sub, role, authority } = payload as JWTPayload & { role?: unknown; authority?: unknown };
  if (!saneSubject(sub)) throw new TokenRejected(`the token's subject (sub) must be a string of 1 to ${MAX_SUBJECT_LENGTH} characters without control characters`);
  // jose checked both are numbers (iat required through maxTokenAge, exp through requiredClaims)
  const lifetime = payload.exp! - payload.iat!;
  if (lifetime > maxTokenAge) throw new TokenRejected(`the token's lifetime (exp − iat: ${span(lifetime)}) is longer than the ${span(maxTokenAge)} the gateway accepts`);
  if (!(ROLES as readonly unknown[]).includes(role)) throw new TokenRejected(`the token's role must be one of ${ROLES.join(", ")}`);
  if (role === "editor") {
    if (typeof authority !== "string" || !GSS_CODE.test(authority)) throw new TokenRejected("an editor's token must name the authority it acts for (authority: an ONS code such as E06000003)");
    return { subject: sub, role, authority };
  }
  if (authority !== undefined) throw new TokenRejected(`only an editor's token names an authority, not a ${String(role)}'s`);
  return { subject: sub, role: role as Identity["role"], authority: null };
}

function reason(error: unknown): string {
  if (error instanceof TokenRejected) return error.message;
  if (error instanceof joseErrors.JWTExpired) return error.claim === "iat" ? "the token was issued longer ago than the gateway accepts" : "the token has expired";
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    if (error.reason === "missing") return `the token has no ${error.claim} claim`;
    if (error.claim === "iat") return "the token's iat claim is in the future";
    return `the token's ${error.claim} claim is not accepted`;
  }
  if (error instanceof joseErrors.JWSSignatureVerificationFailed || error instanceof joseErrors.JWKSNoMatchingKey) return "the token's signature does not verify";
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return "the token's algorithm is not accepted";
  return "the token is malformed";
}

/**
 * The bearer-token check, with its keys prepared once (not per request): returns the identity,
 * or why the token was refused (never in more detail than a client needs).
 */
export function tokenVerifier(
  settings: Pick<TokenSettings, "jwtSecrets" | "jwks" | "issuer" | "audience" | "maxTokenAgeSeconds" | "clockToleranceSeconds">,
): (token: string) => Promise<Identity | { refused: string }> {
  const maxTokenAge = settings.maxTokenAgeSeconds ?? DEFAULT_MAX_TOKEN_AGE_SECONDS;
  // maxTokenAge makes jose require iat, refuse one older than the cap and one in the future (beyond the tolerance)
  const options = {
    issuer: settings.issuer, audience: settings.audience, requiredClaims: ["exp", "sub", "iat"],
    maxTokenAge, clockTolerance: settings.clockToleranceSeconds ?? DEFAULT_CLOCK_TOLERANCE_SECONDS,
  };
  const secrets = settings.jwtSecrets.map((secret) => new TextEncoder().encode(secret));
  const jwks = settings.jwks ? createLocalJWKSet(settings.jwks) : null;
  const attempts: Array<(token: string) => Promise<{ payload: JWTPayload }>> = [
    ...secrets.map((key) => (token: string) => jwtVerify(token, key, { ...options, algorithms: ["HS256"] })),
    ...(jwks ? [(token: string) => jwtVerify(token, jwks, { ...options, algorithms: ASYMMETRIC })] : []),
  ];
  const verify = async (token: string): Promise<{ identity: Identity; validUntilMs: number; notBefore: boolean } | { refused: string }> => {
    let lastError: unknown = new TokenRejected("no key is configured to verify tokens");
    for (const attempt of attempts) {
      try {
        const { payload } = await attempt(token);
        // shared by every request the token makes while remembered (below): never changed
        const identity = Object.freeze(identityFrom(payload, maxTokenAge));
        // what jose would refuse on a later check, in time: exp passed, or iat older than the cap (both with the tolerance)
        const validUntilS = Math.min(payload.exp! + options.clockTolerance, payload.iat! + maxTokenAge + options.clockTolerance);
        return { identity, validUntilMs: validUntilS * 1000, notBefore: payload.nbf !== undefined };
      } catch (error) {
        lastError = error;
        // only a signature mismatch (or this key's algorithm) may be another key's token; anything else is final
        if (!(error instanceof joseErrors.JWSSignatureVerificationFailed || error instanceof joseErrors.JOSEAlgNotAllowed || error instanceof joseErrors.JWKSNoMatchingKey)) break;
      }
    }
    return { refused: reason(lastError) };
  };
  /**
   * Tokens verified already, by their exact text (a client sends the same token for hours): the
   * signature is checked once, not per request (it was ~5% of the gateway's CPU under load). An entry
   * lives until the token would no longer pass (exp, or iat + JWT_MAX_TOKEN_AGE_SECONDS, each with the
   * clock tolerance), is checked against the clock on every use, and the least recently used go past
   * VERIFIED_TOKENS. Only verified tokens are kept: a refused one is checked again every time, so a
   * caller cannot fill the cache without valid tokens. nbf is not used by this gateway's tokens; one
   * that carries it is not cached (jose checks it every time).
   */
  const verified = new LRUCache<string, { identity: Identity; validUntilMs: number }>({ max: VERIFIED_TOKENS });
  return async (token) => {
    const known = verified.get(token);
    if (known) {
      if (Date.now() < known.validUntilMs) return known.identity;
      verified.delete(token);
    }
    const outcome = await verify(token);
    if ("refused" in outcome) return outcome;
    if (!outcome.notBefore) verified.set(token, { identity: outcome.identity, validUntilMs: outcome.validUntilMs });
    return outcome.identity;
  };
}

/** how many verified tokens a gateway process remembers (a few hundred bytes each) */
export const VERIFIED_TOKENS = 10_000;

const OPEN_PATHS = new Set(["/healthcheck", "/readiness"]);

function unauthenticated(message: string, fetchAPI: { Response: typeof Response }): Response {
  return new fetchAPI.Response(JSON.stringify({ errors: [{ message, extensions: { code: "UNAUTHENTICATED" } }] }), {
    status: 401,
    headers: { "content-type": "application/json; charset=utf-8", "www-authenticate": 'Bearer realm="tees-partnership-graph"' },
  });
}

/**
 * 1. on each request: verify the bearer token (or allow anonymous reads), 401 before any parsing;
 *    count it against its caller (rate-limit.ts), 429 when over the limit;
 * 2. on each subgraph execution: name the identity in the request's headers, so the gateway's
 *    de-duplication of identical in-flight subgraph queries (a large part of its throughput) only
 *    ever shares an answer between requests of the same identity;
 * 3. on each subgraph call: drop whatever identity headers are there and sign the verified identity
 *    with that subgraph's own secret, for that subgraph (its name), over the exact body sent.
 */
export function identityPlugin(
  /** the token checks, and subgraph URL → what its requests are signed with (its secret and its name, the audience: server.ts) */
  settings: TokenSettings & { subgraphKeys: ReadonlyMap<string, SigningKey> },
  options: { rateLimit?: RateLimit | null; identities?: WeakMap<Request, Identity> } = {},
): GatewayPlugin<{ identity: Identity }> {
  // shared with whoever else decides by identity (trusted-documents.ts), so a token is verified once
  const identities = options.identities ?? new WeakMap<Request, Identity>();
  const verifyToken = tokenVerifier(settings);
  /** the token's identity, anonymous (where allowed), or why the request is refused */
  const identify = async (request: Request): Promise<Identity | { refused: string }> => {
    const header = request.headers.get("authorization");
    if (!header) return settings.anonymousRead ? ANONYMOUS : { refused: "a bearer token is required (Authorization: Bearer <token>)" };
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    if (!match) return { refused: "the Authorization header must be \"Bearer <token>\"" };
    const verified = await verifyToken(match[1]!);
    return "refused" in verified ? { refused: `invalid bearer token: ${verified.refused}` } : verified;
  };
  /**
   * A request whose identity onRequest did not record (no such path today: every request passes
   * onRequest, chunked and GET ones too): anonymous only where anonymous reads are allowed; otherwise
   * the request fails (the runtime answers "Unexpected error.") and nothing is signed to a subgraph.
   */
  const unverified = (): Identity => {
    if (settings.anonymousRead) return ANONYMOUS;
    throw new Error("no verified identity for this request, and anonymous reads are off (GATEWAY_ANONYMOUS_READ)");
  };
  return {
    async onRequest({ request, url, endResponse, fetchAPI, serverContext }) {
      if (OPEN_PATHS.has(url.pathname)) return;
      const outcome = await identify(request);
      // counted whatever the outcome (refused tokens too, by address), before it is answered
      const decision = options.rateLimit ? await options.rateLimit.admit(request, serverContext, "refused" in outcome ? null : outcome) : null;
      if (decision?.limited) return endResponse(tooManyRequests(decision, fetchAPI));
      if ("refused" in outcome) return endResponse(unauthenticated(outcome.refused, fetchAPI));
      identities.set(request, outcome);
    },
    onContextBuilding({ context, extendContext }) {
      extendContext({ identity: identities.get(context.request) ?? unverified() });
    },
    onSubgraphExecute({ executionRequest }) {
      const identity = (executionRequest.context as { identity?: Identity } | undefined)?.identity ?? unverified();
      const extensions = (executionRequest.extensions ??= {}) as { headers?: Record<string, string> };
      // always overwritten: whatever was there did not come from the token
      extensions.headers = { ...extensions.headers, [IDENTITY_HEADER]: encoded(identity) };
    },
    onFetch({ url, options, setOptions, context }) {
      const key = settings.subgraphKeys.get(url);
      // not a subgraph (nothing else is fetched today): sent without identity, and a subgraph would refuse it
      if (!key) return;
      const identity = ("identity" in context ? context.identity : undefined) ?? unverified();
      const body = typeof options.body === "string" ? options.body : "";
      // the runtime's headers are a plain object (names as set); any signed header there, in any case, is dropped
      const headers: Record<string, string> = {};
      for (const [name, value] of headerEntries(options.headers)) {
        if (!SIGNED_NAMES.has(name.toLowerCase())) headers[name] = value;
      }
      Object.assign(headers, signRequest(key, identity, options.method ?? "POST", body));
      setOptions({ ...options, headers });
    },
  };
}

const SIGNED_NAMES: ReadonlySet<string> = new Set(SIGNED_HEADERS);

/** the name/value pairs of any HeadersInit (the runtime passes a plain object) */
function headerEntries(init: unknown): Iterable<[string, string]> {
  if (!init) return [];
  if (Array.isArray(init)) return init as Array<[string, string]>;
  if (typeof (init as Headers).entries === "function" && typeof (init as Headers).get === "function") return (init as Headers).entries();
  return Object.entries(init as Record<string, string>);
}

/** an identity's header value, encoded once per identity object (a verified token's identity is shared by its requests) */
const encodings = new WeakMap<Identity, string>();
export function encoded(identity: Identity): string {
  let value = encodings.get(identity);
  if (value === undefined) encodings.set(identity, (value = encodeIdentity(identity)));
  return value;
}

export function readJwks(file: string): JSONWebKeySet {
  const parsed = JSON.parse(readFileSync(file, "utf8")) as JSONWebKeySet;
  if (!Array.isArray(parsed.keys)) throw new Error(`${file} is not a JSON Web Key Set (no "keys" array)`);
  return parsed;
}

export interface TokenRequest {
  subject: string;
  role: Role;
  /** editors only: the authority (ONS code) they act for */
  authority?: string;
  /** e.g. "8h", "30m" (jose's time span) */
  expiresIn: string;
  issuer: string;
  audience: string;
}

/** An HS256 token as the gateway expects it (npm run token; tests). */
export function issueToken(secret: string, request: TokenRequest): Promise<string> {
  const claims: JWTPayload = { role: request.role, ...(request.authority ? { authority: request.authority } : {}) };
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(request.subject)
    .setIssuer(request.issuer)
    .setAudience(request.audience)
    .setIssuedAt()
    .setExpirationTime(request.expiresIn)
    .sign(new TextEncoder().encode(secret));
}

import { readFileSync } from "node:fs";
import { createLocalJWKSet, errors as joseErrors, jwtVerify, SignJWT, type JSONWebKeySet, type JWTPayload } from "jose";
import type { GatewayPlugin } from "@graphql-hive/gateway-runtime";
import { ANONYMOUS, encodeIdentity, IDENTITY_HEADER, ROLES, SIGNED_HEADERS, signRequest, type Identity, type Role, type SigningKey } from "@tees/subgraph-common/signed-identity";

/**
 * Who is asking: the gateway verifies the bearer token (jose), and hands the subgraphs
 * that identity in signed form (signed-identity.ts). It decides nothing else: every
 * "may this identity do this?" is the owning subgraph's decision.
 */
export interface AuthSettings {
  /** HS256 secrets, the current one first (tokens signed with any of them are accepted while rotating) */
  jwtSecrets: string[];
  /** a JSON Web Key Set file (an identity provider's public keys; RS256/ES256/EdDSA) */
  jwks: JSONWebKeySet | null;
  issuer: string;
  audience: string;
  /** requests without a token read as "anonymous" (embedded start); off: 401 (production) */
  anonymousRead: boolean;
  /** subgraph URL → what its requests are signed with: the secret that subgraph shares with the gateway, and its name (the audience) */
  subgraphKeys: ReadonlyMap<string, SigningKey>;
}

const GSS_CODE = /^E\d{8}$/;
const ASYMMETRIC = ["RS256", "ES256", "EdDSA"];

class TokenRejected extends Error {}

function identityFrom(payload: JWTPayload): Identity {
  const { sub, role, authority } = payload as JWTPayload & { role?: unknown; authority?: unknown };
  if (!sub) throw new TokenRejected("the token has no subject (sub)");
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
  if (error instanceof joseErrors.JWTExpired) return "the token has expired";
  if (error instanceof joseErrors.JWTClaimValidationFailed) return `the token's ${error.claim} claim is not accepted`;
  if (error instanceof joseErrors.JWSSignatureVerificationFailed || error instanceof joseErrors.JWKSNoMatchingKey) return "the token's signature does not verify";
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return "the token's algorithm is not accepted";
  return "the token is malformed";
}

/**
 * The bearer-token check, with its keys prepared once (not per request): returns the identity,
 * or why the token was refused (never in more detail than a client needs).
 */
export function tokenVerifier(settings: Pick<AuthSettings, "jwtSecrets" | "jwks" | "issuer" | "audience">): (token: string) => Promise<Identity | { refused: string }> {
  const options = { issuer: settings.issuer, audience: settings.audience, requiredClaims: ["exp", "sub"] };
  const secrets = settings.jwtSecrets.map((secret) => new TextEncoder().encode(secret));
  const jwks = settings.jwks ? createLocalJWKSet(settings.jwks) : null;
  const attempts: Array<(token: string) => Promise<{ payload: JWTPayload }>> = [
    ...secrets.map((key) => (token: string) => jwtVerify(token, key, { ...options, algorithms: ["HS256"] })),
    ...(jwks ? [(token: string) => jwtVerify(token, jwks, { ...options, algorithms: ASYMMETRIC })] : []),
  ];
  return async (token) => {
    let lastError: unknown = new TokenRejected("no key is configured to verify tokens");
    for (const attempt of attempts) {
      try {
        return identityFrom((await attempt(token)).payload);
      } catch (error) {
        lastError = error;
        // only a signature mismatch (or this key's algorithm) may be another key's token; anything else is final
        if (!(error instanceof joseErrors.JWSSignatureVerificationFailed || error instanceof joseErrors.JOSEAlgNotAllowed || error instanceof joseErrors.JWKSNoMatchingKey)) break;
      }
    }
    return { refused: reason(lastError) };
  };
}

const OPEN_PATHS = new Set(["/healthcheck", "/readiness"]);

function unauthenticated(message: string, fetchAPI: { Response: typeof Response }): Response {
  return new fetchAPI.Response(JSON.stringify({ errors: [{ message, extensions: { code: "UNAUTHENTICATED" } }] }), {
    status: 401,
    headers: { "content-type": "application/json; charset=utf-8", "www-authenticate": 'Bearer realm="tees-partnership-graph"' },
  });
}

/**
 * 1. on each request: verify the bearer token (or allow anonymous reads), 401 before any parsing;
 * 2. on each subgraph execution: name the identity in the request's headers, so the gateway's
 *    de-duplication of identical in-flight subgraph queries (a large part of its throughput) only
 *    ever shares an answer between requests of the same identity;
 * 3. on each subgraph call: drop whatever identity headers are there and sign the verified identity
 *    with that subgraph's own secret, for that subgraph (its name), over the exact body sent.
 */
export function identityPlugin(settings: AuthSettings): GatewayPlugin<{ identity: Identity }> {
  const identities = new WeakMap<Request, Identity>();
  const verifyToken = tokenVerifier(settings);
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (OPEN_PATHS.has(url.pathname)) return;
      const header = request.headers.get("authorization");
      if (!header) {
        if (settings.anonymousRead) identities.set(request, ANONYMOUS);
        else endResponse(unauthenticated("a bearer token is required (Authorization: Bearer <token>)", fetchAPI));
        return;
      }
      const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
      if (!match) return endResponse(unauthenticated("the Authorization header must be \"Bearer <token>\"", fetchAPI));
      const verified = await verifyToken(match[1]!);
      if ("refused" in verified) return endResponse(unauthenticated(`invalid bearer token: ${verified.refused}`, fetchAPI));
      identities.set(request, verified);
    },
    onContextBuilding({ context, extendContext }) {
      extendContext({ identity: identities.get(context.request) ?? ANONYMOUS });
    },
    onSubgraphExecute({ executionRequest }) {
      const identity = (executionRequest.context as { identity?: Identity } | undefined)?.identity ?? ANONYMOUS;
      const extensions = (executionRequest.extensions ??= {}) as { headers?: Record<string, string> };
      // always overwritten: whatever was there did not come from the token
      extensions.headers = { ...extensions.headers, [IDENTITY_HEADER]: encodeIdentity(identity) };
    },
    onFetch({ url, options, setOptions, context }) {
      const key = settings.subgraphKeys.get(url);
      // not a subgraph (nothing else is fetched today): sent without identity, and a subgraph would refuse it
      if (!key) return;
      const identity = ("identity" in context ? context.identity : undefined) ?? ANONYMOUS;
      const body = typeof options.body === "string" ? options.body : "";
      const headers = new Headers(options.headers as HeadersInit | undefined);
      for (const name of SIGNED_HEADERS) headers.delete(name);
      for (const [name, value] of Object.entries(signRequest(key, identity, options.method ?? "POST", body))) headers.set(name, value);
      setOptions({ ...options, headers: Object.fromEntries(headers) });
    },
  };
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

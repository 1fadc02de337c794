import { isIPv4, isIPv6 } from "node:net";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import type { Identity } from "@tees/subgraph-common/signed-identity";

/** extensions.code of a 429 */
export const RATE_LIMITED = "RATE_LIMITED";

export interface RateLimitSettings {
  /** GATEWAY_RATE_LIMIT: requests one caller may send per window; 0 turns the limit off */
  requests: number;
  /** GATEWAY_RATE_LIMIT_WINDOW_SECONDS: the window (fixed, starting at a caller's first request) */
  windowSeconds: number;
  /** GATEWAY_RATE_LIMIT_MAX_CALLERS: callers not yet tracked that may start a window, per window (bounds memory) */
  maxNewCallers: number;
  /** GATEWAY_TRUSTED_PROXIES: proxies in front of the gateway that append to X-Forwarded-For (0: the connection's address is the caller's) */
  trustedProxies: number;
}

/** what the request is counted against: the token's subject, or the client's address */
export type RateDecision = { limited: false } | { limited: true; retryAfterSeconds: number; message: string };

/**
 * The per-caller limit: rate-limiter-flexible's in-memory limiter, one fixed window per caller.
 * A caller is a token's subject, or for a request without a (valid) token, its IP address (an
 * IPv6 address by its /64, which one host usually holds whole).
 *
 * Memory: the library keeps one record (~500 bytes with its timer) per caller until its window ends,
 * and would keep as many as there are callers. A second limiter counts callers that start a window:
 * at most `maxNewCallers` per window, so at most 2 x maxNewCallers records are ever held (those
 * started in this window and the last); past it, a caller not yet tracked is refused (429) until the
 * window turns, while tracked callers go on. Per process: each replica counts its own requests.
 */
export function createRateLimit(settings: RateLimitSettings) {
  const perCaller = new RateLimiterMemory({ points: settings.requests, duration: settings.windowSeconds });
  const newCallers = new RateLimiterMemory({ points: settings.maxNewCallers, duration: settings.windowSeconds });
  const retryAfter = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

  async function check(key: string): Promise<RateDecision> {
    const held = await perCaller.get(key);
    if (!held || held.msBeforeNext <= 0) {
      try {
        await newCallers.consume("new-callers");
      } catch (refusal) {
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
        const seconds = retryAfter(refusal);
        return { limited: true, retryAfterSeconds: seconds, message: `too many callers: more than ${settings.maxNewCallers} new callers in ${settings.windowSeconds} s (GATEWAY_RATE_LIMIT_MAX_CALLERS); retry after ${seconds} s` };
      }
    }
    try {
      await perCaller.consume(key);
      return { limited: false };
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      const seconds = retryAfter(refusal);
      return { limited: true, retryAfterSeconds: seconds, message: `rate limit: more than ${settings.requests} requests in ${settings.windowSeconds} s (GATEWAY_RATE_LIMIT); retry after ${seconds} s` };
    }
  }

  return {
    /** counts this request against its caller; `identity` null: no valid token (counted by address) */
    async admit(request: Request, serverContext: unknown, identity: Identity | null): Promise<RateDecision> {
      if (identity && identity.role !== "anonymous") return check(`token:${identity.subject}`);
      return check(`ip:${clientAddress(request, serverContext, settings.trustedProxies)}`);
    },
  };
}

export type RateLimit = ReturnType<typeof createRateLimit>;

/** The 429: Retry-After in seconds (RFC 9110), and a GraphQL-shaped body naming the setting. */
export function tooManyRequests(decision: Extract<RateDecision, { limited: true }>, fetchAPI: { Response: typeof Response }): Response {
  return new fetchAPI.Response(JSON.stringify({ errors: [{ message: decision.message, extensions: { code: RATE_LIMITED } }] }), {
    status: 429,
    headers: { "content-type": "application/json; charset=utf-8", "retry-after": String(decision.retryAfterSeconds) },
  });
}

/**
 * The connection's address, or with `trustedProxies` proxies in front, the address the outermost of them
 * saw (X-Forwarded-For, each proxy appending what it received from): the entry that many from the right.
 * A header with fewer entries did not come through them all: the connection's address counts.
 */
export function clientAddress(request: Request, serverContext: unknown, trustedProxies: number): string {
  const socket = (serverContext as { req?: { socket?: { remoteAddress?: string } } } | undefined)?.req?.socket?.remoteAddress ?? "unknown";
  let address = socket;
  if (trustedProxies > 0) {
    const forwarded = (request.headers.get("x-forwarded-for") ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
    const candidate = forwarded[forwarded.length - trustedProxies];
    if (candidate && (isIPv4(candidate) || isIPv6(candidate))) address = candidate;
  }
  return addressKey(address);
}

/** IPv4 as it is (an IPv4-mapped IPv6 address as its IPv4); IPv6 by its first 64 bits */
export function addressKey(address: string): string {
  const mapped = address.toLowerCase().startsWith("::ffff:") ? address.slice(7) : address;
  if (isIPv4(mapped)) return mapped;
  if (!isIPv6(address)) return address;
  const [head = "", tail] = address.toLowerCase().split("%")[0]!.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right];
  return `${groups.slice(0, 4).map((group) => group.replace(/^0+(?=.)/, "")).join(":")}::/64`;
}

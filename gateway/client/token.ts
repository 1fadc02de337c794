import { decodeJwt } from "jose";

/** Where execute() gets its bearer token from, each time it sends a request. */
export type TokenSource = () => Promise<string>;

export interface RenewalOptions {
  /** renew this long before the held token expires (at most half its lifetime); default 5 minutes */
  renewBeforeSeconds?: number;
  /** the clock, in milliseconds (tests) */
  now?: () => number;
}

/**
 * For a service that holds a token, such as a dashboard: the gateway refuses tokens living longer than
 * JWT_MAX_TOKEN_AGE_SECONDS (24 hours by default), so the service renews its own before it expires.
 * `issue` fetches a new token (from the identity provider, or however the service is given one); it is
 * called when no token is held or the held one expires within `renewBeforeSeconds`, and concurrent
 * requests share one renewal. A token without `exp` is refused at once, as the gateway would.
 */
export function renewingToken(issue: () => Promise<string>, options: RenewalOptions = {}): TokenSource {
  const renewBefore = options.renewBeforeSeconds ?? 300;
  const now = options.now ?? Date.now;
  let held: { token: string; renewAt: number } | null = null;
  let renewal: Promise<string> | null = null;
  const renew = async () => {
    const token = await issue();
    const { exp, iat } = decodeJwt(token);
    if (typeof exp !== "number") throw new Error("the token source gave a token without exp (the gateway refuses it)");
    const lifetime = typeof iat === "number" ? exp - iat : renewBefore * 2;
    held = { token, renewAt: (exp - Math.min(renewBefore, lifetime / 2)) * 1000 };
    return token;
  };
  return async () => {
    if (held && now() < held.renewAt) return held.token;
    renewal ??= renew().finally(() => (renewal = null));
    return renewal;
  };
}

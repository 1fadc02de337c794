/**
 * A connection URL as it may appear in a log line or an error: never its password (database URLs,
 * the nonce store's redis:// URL, with or without a user name). A URL without credentials is returned
 * as it is (an sqlite: path unchanged); one that does not parse loses everything between // and @.
 */
export function redact(url: string): string {
  if (!url.includes("@")) return url;
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return url.replace(/\/\/[^@/]*@/, "//***@");
  }
}

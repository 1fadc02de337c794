import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { GraphQLError } from "graphql";
import { createGraphQLError } from "graphql-yoga";
import type { GatewayConfig as RuntimeConfig } from "@graphql-hive/gateway-runtime";
import type { Identity } from "@tees/subgraph-common/signed-identity";

/**
 * Trusted (persisted) documents: the typed client's operations, published by codegen's client
 * preset as a manifest (gateway/client/generated/persisted-documents.json: "sha256:<hex>" → the
 * document), are accepted by that id instead of their text, through Hive Gateway's own
 * persisted-documents support (GraphQL Yoga's usePersistedOperations). Who may still send a
 * document's text is GATEWAY_ARBITRARY_DOCUMENTS:
 *
 * - `everyone`: any caller (npm start: GraphiQL and the README's queries);
 * - `authenticated`: a caller with a verified bearer token (analyst, editor, admin); an anonymous
 *   caller (GATEWAY_ANONYMOUS_READ) sends trusted documents only — production's default;
 * - `nobody`: trusted documents only, for everyone (editors' mutations then need a manifest entry).
 *
 * A document sent by id is parsed and validated as text is, so every operation limit (limits.ts)
 * applies to it as well.
 */
export const ARBITRARY_DOCUMENTS = ["everyone", "authenticated", "nobody"] as const;
export type ArbitraryDocuments = (typeof ARBITRARY_DOCUMENTS)[number];

export interface TrustedDocumentsSettings {
  /** document id ("sha256:<64 hex>") → document text */
  documents: ReadonlyMap<string, string>;
  /** GATEWAY_ARBITRARY_DOCUMENTS: who may send a document's text */
  arbitrary: ArbitraryDocuments;
}

/** the manifest `npm run codegen` writes and the repository commits */
export const DEFAULT_MANIFEST = join(import.meta.dirname, "../client/generated/persisted-documents.json");

/** extensions.code of each refusal */
export const TRUSTED_DOCUMENT_NOT_FOUND = "PERSISTED_DOCUMENT_NOT_FOUND";
export const TRUSTED_DOCUMENT_REQUIRED = "PERSISTED_DOCUMENT_REQUIRED";
export const DOCUMENT_MISSING = "DOCUMENT_MISSING";

const ID = /^sha256:[0-9a-f]{64}$/;

/** the id codegen's client preset gives a document: "sha256:" and the hex SHA-256 of its text */
export function documentId(text: string): string {
  return `sha256:${createHash("sha256").update(text, "utf8").digest("hex")}`;
}

/**
 * Reads a manifest (an object of id → document). Every id must be the SHA-256 of its document, so
 * a hand-edited or truncated file is refused at start, naming the entry, instead of serving a
 * document under an id its client did not compute.
 */
export function readManifest(file: string): Map<string, string> {
  const parsed = JSON.parse(readFileSync(file, "utf8")) as unknown;
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("is not a JSON object of document id → document");
  const documents = new Map<string, string>();
  for (const [id, text] of Object.entries(parsed)) {
    if (!ID.test(id)) throw new Error(`entry "${id.slice(0, 80)}": an id must be "sha256:" and 64 lower-case hex digits`);
    if (typeof text !== "string" || text.trim() === "") throw new Error(`entry ${id}: the document must be a non-empty string`);
    if (documentId(text) !== id) throw new Error(`entry ${id}: the id is not the SHA-256 of its document (regenerate it with npm run codegen)`);
    documents.set(id, text);
  }
  if (documents.size === 0) throw new Error("holds no documents");
  return documents;
}

let committed: Map<string, string> | undefined;
/** the committed manifest, read once per process (buildGateway's default when its config leaves trustedDocuments out) */
export function committedManifest(): ReadonlyMap<string, string> {
  return (committed ??= readManifest(DEFAULT_MANIFEST));
}

/** a client-sent id, as it may be shown back: at most 80 characters, control characters dropped */
function shown(id: string): string {
  let out = "";
  for (const char of id.slice(0, 80)) out += char < " " || char === "\x7f" ? "" : char;
  return id.length > 80 ? `${out}…` : out;
}

/**
 * Made by GraphQL Yoga's own factory (the one the persisted-operations plugin uses): where two copies
 * of graphql-js are loaded (ESM and CJS, as under vitest), the runtime recognises only its own
 * GraphQLError and would answer another as "Unexpected error." (500). spec: false keeps the status
 * whatever the client accepts (application/json included).
 */
function requestError(message: string, code: string, status: number): GraphQLError {
  return createGraphQLError(message, { extensions: { code, http: { status, spec: false } } });
}

type PersistedDocumentsOption = NonNullable<RuntimeConfig<Record<string, unknown>>["persistedDocuments"]>;

/**
 * Hive Gateway's `persistedDocuments` option. `identityOf` is what identity.ts verified for the
 * request (the bearer token is never parsed here); no identity recorded counts as anonymous.
 * A request carrying an id is looked up by it (documentId, or extensions.persistedQuery.sha256Hash
 * as Apollo clients send it; a bare hex hash is taken as "sha256:<hex>"); one carrying text
 * (query) is allowed or refused by the setting; one with neither is refused.
 */
export function trustedDocumentsOption(settings: TrustedDocumentsSettings, identityOf: (request: Request) => Identity | undefined): PersistedDocumentsOption {
  const { documents, arbitrary } = settings;
  const lookup = (id: string) => documents.get(id) ?? (/^[0-9a-f]{64}$/.test(id) ? documents.get(`sha256:${id}`) : undefined) ?? null;
  return {
    getPersistedOperation: (id: string) => lookup(id),
    allowArbitraryDocuments:
      arbitrary === "everyone" ? true
      : arbitrary === "nobody" ? false
      : (request: Request) => {
          const identity = identityOf(request);
          return identity !== undefined && identity.role !== "anonymous";
        },
    customErrors: {
      notFound: ({ params, request }) => {
        const id = requestedId(params, request);
        return requestError(
          `no trusted document has the id "${shown(id ?? "")}": this gateway knows the ${documents.size} documents of its typed client's manifest (npm run codegen writes it; a client built from other operations must be regenerated)`,
          TRUSTED_DOCUMENT_NOT_FOUND, 400,
        );
      },
      persistedQueryOnly: () =>
        requestError(
          arbitrary === "nobody"
            ? "this gateway accepts trusted documents only (GATEWAY_ARBITRARY_DOCUMENTS=nobody): send the typed client's document id (documentId), not the document's text (query)"
            : "an anonymous caller may send trusted documents only (GATEWAY_ARBITRARY_DOCUMENTS=authenticated): send the typed client's document id (documentId), or a bearer token to send the document's text (query)",
          TRUSTED_DOCUMENT_REQUIRED, 403,
        ),
      keyNotFound: () =>
        requestError("the request has no document: send its text (query) or a trusted document's id (documentId, or extensions.persistedQuery.sha256Hash)", DOCUMENT_MISSING, 400),
    },
  };
}

/** the id a request carried, as Hive Gateway's default extraction reads it (for the refusal's message) */
function requestedId(params: { extensions?: Record<string, unknown> | undefined }, request: Request): string | null {
  const persisted = params.extensions?.persistedQuery as { sha256Hash?: unknown } | undefined;
  if (typeof persisted?.sha256Hash === "string") return persisted.sha256Hash;
  const sent = "documentId" in params ? params.documentId : undefined;
  if (typeof sent === "string") return sent;
  return new URL(request.url).searchParams.get("documentId");
}

import { Kind } from "graphql";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import type { TokenSource } from "./token";

/**
 * Runs a generated, typed operation against a gateway. A partial answer (data and
 * errors, e.g. one authority's subgraph down) is returned with its errors; no data
 * at all is an error naming what the gateway said. `token` (default: GATEWAY_TOKEN
 * from the environment) is sent as a bearer token; without one the request is anonymous. A service
 * holding a token passes a TokenSource (renewingToken in token.ts), asked on every request.
 *
 * The document is sent by its trusted-document id, never as text: `{ documentId, operationName,
 * variables }` (GraphQL over HTTP's persisted documents, as Hive Gateway reads it), the id being the
 * one `npm run codegen` embeds in each generated document and lists in
 * gateway/client/generated/persisted-documents.json, the manifest the gateway accepts.
 */
export async function execute<TData, TVariables>(
  gatewayUrl: string,
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  token: string | TokenSource | undefined = process.env.GATEWAY_TOKEN?.trim() || undefined,
): Promise<{ data: TData; errors: string[] }> {
  const bearer = typeof token === "function" ? await token() : token;
  const response = await fetch(gatewayUrl, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/graphql-response+json, application/json",
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
    },
    body: JSON.stringify({ documentId: trustedDocumentId(document), operationName: operationName(document), variables }),
  });
  const body = (await response.json()) as { data?: TData | null; errors?: Array<{ message: string }> };
  const errors = body.errors?.map((e) => e.message) ?? [];
  if (!body.data) throw new Error(`gateway answered ${response.status}: ${errors.join("; ") || "no data"}`);
  return { data: body.data, errors };
}

/** the id codegen's client preset embedded in a generated document (persistedDocuments in codegen.ts) */
export function trustedDocumentId(document: TypedDocumentNode<unknown, never>): string {
  const hash = (document as { __meta__?: { hash?: unknown } }).__meta__?.hash;
  const name = operationName(document) ?? "an anonymous operation";
  if (typeof hash !== "string") throw new Error(`${name} has no trusted-document id (__meta__.hash): send only the generated documents of gateway/client/generated (npm run codegen)`);
  return hash;
}

function operationName(document: TypedDocumentNode<unknown, never>): string | undefined {
  for (const definition of document.definitions) if (definition.kind === Kind.OPERATION_DEFINITION) return definition.name?.value;
  return undefined;
}

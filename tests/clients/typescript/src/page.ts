// Uses the API through its generated TypeScript types (api.d.ts, openapi-typescript) and openapi-fetch: pages the whole fact
// list, then follows a fact to its detail and to its subject's detail. Exits 1 on any difference from what the API promises.
// Usage: node dist/page.js http://127.0.0.1:5080
import createClient from "openapi-fetch";
import type { components, paths } from "./api.js";

type Fact = components["schemas"]["FactResponse"];

const baseUrl = process.argv[2] ?? "http://127.0.0.1:5080";
// The API answers JSON, JSON-LD and CSV, and problems as application/problem+json: this client reads the JSON and the problems.
const client = createClient<paths, "application/json" | "application/problem+json">({ baseUrl });

function fail(message: string): never {
  console.error(`typescript client: ${message}`);
  process.exit(1);
}

// Every page of /v1/facts, 25 at a time, following `next` until it is null.
const facts: Fact[] = [];
let cursor: string | undefined;
let pages = 0;
let total: number | null | undefined;
do {
  const { data, error, response } = await client.GET("/v1/facts", {
    params: { query: { limit: 25, count: true, sort: "id", ...(cursor === undefined ? {} : { cursor }) } },
  });
  if (error !== undefined || data === undefined) {
    fail(`GET /v1/facts answered ${response.status}: ${JSON.stringify(error)}`);
  }
  pages++;
  total ??= data.total;
  facts.push(...data.items);
  cursor = data.next ?? undefined;
} while (cursor !== undefined && pages < 1000);

const ids = facts.map((fact) => fact.id);
if (new Set(ids).size !== ids.length) fail("a fact came twice across pages");
if (total !== facts.length) fail(`total says ${total} facts, the pages held ${facts.length}`);
if (ids.some((id, i) => i > 0 && (ids[i - 1] ?? "") >= id)) fail("the pages are not in id order");

// Follow the first fact to its detail, and its subject to the subject's detail.
const first = facts[0] ?? fail("no facts");
const detail = await client.GET("/v1/facts/{id}", { params: { path: { id: first.id } } });
if (detail.data === undefined) fail(`GET /v1/facts/${first.id} answered ${detail.response.status}`);
if (detail.data.id !== first.id || detail.data.subject.id !== first.subject.id) fail("the fact's detail differs from its list item");

const subject = await client.GET("/v1/entities/{id}", { params: { path: { id: first.subject.id } } });
if (subject.data === undefined) fail(`GET /v1/entities/${first.subject.id} answered ${subject.response.status}`);
if (subject.data.name !== first.subject.name) fail(`the subject is named ${subject.data.name}, the reference says ${first.subject.name}`);

// An unknown id is a typed problem, not data.
const missing = await client.GET("/v1/facts/{id}", { params: { path: { id: "no-such-fact" } } });
if (missing.response.status !== 404 || missing.error?.status !== 404 || missing.data !== undefined) {
  fail(`an unknown fact answered ${missing.response.status}: ${JSON.stringify(missing.error)}`);
}

console.log(
  `typescript client: paged ${facts.length} facts over ${pages} pages (total ${total}); ` +
    `followed ${first.id} to its detail and its subject ${subject.data.id} (${subject.data.name}); unknown id: ${missing.error.status} ${missing.error.title}`,
);

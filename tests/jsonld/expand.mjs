// Usage: node expand.mjs BASE_URL PATH...
// Fetches each path as JSON-LD (Accept: application/ld+json) and expands it with jsonld.js in safe mode, which fails on
// anything expansion would drop (a term the context does not define, a relative IRI, a malformed value). The context is
// loaded from the API itself, and only from there: a document that needs any other context (schema.org's included) fails.
// Prints one line per document and "N documents expanded, M failed"; exits 1 on any failure.
import jsonld from 'jsonld';

const [base, ...paths] = process.argv.slice(2);
if (!base || paths.length === 0) {
  console.error('usage: node expand.mjs BASE_URL PATH...');
  process.exit(2);
}

const contextUrl = `${base}/v1/context.jsonld`;
const documentLoader = async (url) => {
  if (url !== contextUrl) {
    throw new Error(`the document needs a context other than the API's own: ${url}`);
  }
  const response = await fetch(url, { headers: { Accept: 'application/ld+json' } });
  if (!response.ok) {
    throw new Error(`${url} answered ${response.status}`);
  }
  return { contextUrl: null, documentUrl: url, document: await response.json() };
};

const members = (value) => Array.isArray(value) ? value.flatMap(members)
  : value && typeof value === 'object' ? Object.entries(value).flatMap(([k, v]) => [k, ...members(v)]) : [];
const iris = (value) => Array.isArray(value) ? value.flatMap(iris)
  : value && typeof value === 'object' ? Object.entries(value).flatMap(([k, v]) => [k, ...iris(v)]) : [];

let failed = 0;
for (const path of paths) {
  try {
    const response = await fetch(base + path, { headers: { Accept: 'application/ld+json' } });
    const type = response.headers.get('content-type') ?? '';
    if (!response.ok || !type.startsWith('application/ld+json')) {
      throw new Error(`answered ${response.status} as ${type}`);
    }
    const document = await response.json();
    const expanded = await jsonld.expand(document, { documentLoader, safe: true });
    const keys = new Set(members(document).filter((k) => !k.startsWith('@')));
    const properties = new Set(iris(expanded).filter((k) => !k.startsWith('@')));
    const types = new Set(JSON.stringify(expanded).match(/"@type":\["[^"]+"\]/g) ?? []);
    if (properties.size === 0 || types.size === 0) {
      throw new Error(`expansion kept ${properties.size} properties and ${types.size} types`);
    }
    console.log(`ok ${path}: ${keys.size} member names → ${properties.size} property IRIs, ${types.size} types`);
  } catch (error) {
    failed++;
    console.log(`FAILED ${path}: ${error.message}`);
  }
}

console.log(`${paths.length - failed} documents expanded, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

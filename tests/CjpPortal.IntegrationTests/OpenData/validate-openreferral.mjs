// Validates the Open Referral UK API's responses against the published schemas with ajv (JSON Schema 2020-12, the
// OpenAPI document's jsonSchemaDialect), formats checked (uuid, uri, email, date-time).
//
//   node validate-openreferral.mjs <schemas folder> <responses folder>
//
// The responses folder holds one file per response and manifest.json: [{ "file", "operation", "url" }], where
// operation is a path of the OpenAPI document ("/services/{id}"). Each response is checked against that operation's
// 200 response schema in Schemas/openapi.json, so the page envelope (components/schemas/Page) is checked too.
// Prints every error (ajv's list, allErrors) and exits 1 when any response does not match; 2 on bad usage.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const [schemasFolder, responsesFolder] = process.argv.slice(2);
if (!schemasFolder || !responsesFolder) {
  console.error("usage: node validate-openreferral.mjs <schemas folder> <responses folder>");
  process.exit(2);
}

const readJson = (path) => JSON.parse(readFileSync(path, "utf8"));
// The published schemas carry tabular metadata (name, constraints, core, example, datapackage_metadata) that is not
// JSON Schema: strict: false lets ajv ignore those keywords instead of refusing the schema.
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);

// The OpenAPI document refers to the schemas at their published addresses; the same files are here (copied unchanged
// from the uk-profile repository), registered under those addresses so that nothing is fetched. Their own references
// are relative ("attribute.json"), so each file is registered beside each address it is reached from.
const published = "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/";
const files = readdirSync(schemasFolder).filter((f) => f.endsWith(".json") && f !== "openapi.json");
for (const file of files) {
  const schema = readJson(join(schemasFolder, file));
  ajv.addSchema(schema, published + file);
  ajv.addSchema(schema, published + "compiled/" + file);
}
// The list operations name "compiled" list schemas (service_list.json, service_at_location_list.json: the one-to-one
// fields only) that the uk-profile repository does not ship at this commit; the full schemas are used instead, which
// ask no less of an item.
ajv.addSchema(readJson(join(schemasFolder, "service.json")), published + "compiled/service_list.json");
ajv.addSchema(readJson(join(schemasFolder, "service_at_location.json")), published + "compiled/service_at_location_list.json");

const openapi = readJson(join(schemasFolder, "openapi.json"));
// At this commit the OpenAPI document gives /service_at_locations/{id} the service schema, though its description
// (and every other document of the profile) says it answers a service_at_location.
const overrides = { "/service_at_locations/{id}": { $ref: published + "service_at_location.json" } };

const validators = new Map();
function validatorFor(operation) {
  if (!validators.has(operation)) {
    const path = openapi.paths[operation];
    if (!path) {
      throw new Error(`${operation} is not a path of the OpenAPI document`);
    }
    const response = overrides[operation] ?? path.get.responses["200"].content["application/json"].schema;
    // "#/components/..." in a response schema points into the OpenAPI document: carry its components along.
    const schema = { ...response, components: openapi.components };
    validators.set(operation, ajv.compile(schema));
  }
  return validators.get(operation);
}

const manifest = readJson(join(responsesFolder, "manifest.json"));
let failed = 0;
for (const { file, operation, url } of manifest) {
  const validate = validatorFor(operation);
  if (!validate(readJson(join(responsesFolder, file)))) {
    failed++;
    console.log(`${url} (${operation}) does not match the schema:`);
    for (const error of validate.errors) {
      console.log(`  ${error.instancePath || "/"} ${error.message} (${error.schemaPath})`);
    }
  }
}
console.log(`${manifest.length - failed} of ${manifest.length} responses match the Open Referral UK schemas`);
process.exit(failed === 0 ? 0 : 1);

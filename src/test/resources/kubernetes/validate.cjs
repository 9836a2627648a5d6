// Validates Kubernetes manifests against the schemas of the Kubernetes API (the kubernetes-models
// package, generated from Kubernetes' OpenAPI document): required fields, types, formats, enums.
// Usage: node validate.cjs file.yaml ...   (exit status 1 when any object is invalid)
const fs = require("fs");
const YAML = require("yaml");

let valid = 0;
let invalid = 0;
for (const file of process.argv.slice(2)) {
  for (const doc of YAML.parseAllDocuments(fs.readFileSync(file, "utf8"))) {
    if (doc.errors.length > 0) {
      console.log(`${file}: not YAML: ${doc.errors[0].message}`);
      invalid++;
      continue;
    }
    const object = doc.toJS();
    if (!object) {
      continue;
    }
    const name = `${file}: ${object.apiVersion} ${object.kind} ${object.metadata && object.metadata.name}`;
    let Model;
    try {
      Model = require(`kubernetes-models/${object.apiVersion}`)[object.kind];
    } catch (e) {
      Model = undefined;
    }
    if (!Model) {
      console.log(`${name}: no schema for this kind`);
      invalid++;
      continue;
    }
    try {
      new Model(object).validate();
      console.log(`${name}: valid`);
      valid++;
    } catch (e) {
      console.log(`${name}: ${e.message}`);
      invalid++;
    }
  }
}
console.log(`${valid} valid, ${invalid} invalid`);
process.exit(invalid > 0 ? 1 : 0);

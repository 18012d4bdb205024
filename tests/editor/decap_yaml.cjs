// The `yaml` package (version 1, as Decap CMS 3 bundles it) used the way
// Decap's YAML front-matter format uses it, for tests/editor/test_yaml_style.py.
// stdin: {"dump": [values], "load": [texts]}
// stdout: {"dump": [YAML texts], "load": [values as JSON]}
const path = require("path");
const YAML = require(path.join(process.argv[2], "yaml"));

let input = "";
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const { dump, load } = JSON.parse(input);
  const written = dump.map((data) => {
    const document = new YAML.Document();
    document.contents = YAML.createNode(data);
    return document.toString();
  });
  const read = load.map((text) => YAML.parseDocument(text).toJSON());
  process.stdout.write(JSON.stringify({ dump: written, load: read }));
});

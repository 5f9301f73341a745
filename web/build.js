// Copies the explorer's vendor files from node_modules into api/static/vendor/ (no CDN at run time),
// and the Neo4j Browser style and guide (web/neo4j-browser/) into api/static/neo4j/ so the API serves them.
// Run after `npm ci --prefix web`: `node web/build.js`. Both output folders are git-ignored.
"use strict";

const fs = require("fs");
const path = require("path");

const here = __dirname;
const out = path.join(here, "..", "api", "static", "vendor");
const neo4jSource = path.join(here, "neo4j-browser");
const neo4jOut = path.join(here, "..", "api", "static", "neo4j");

// [package, file inside the package, name in vendor/]
const FILES = [
  ["cytoscape", "dist/cytoscape.min.js", "cytoscape.min.js"],
  ["cytoscape", "LICENSE", "cytoscape.LICENSE.txt"],
  ["echarts", "dist/echarts.min.js", "echarts.min.js"],
  ["echarts", "LICENSE", "echarts.LICENSE.txt"],
];

function packageDir(name) {
  // Not require.resolve: some packages do not export package.json.
  return path.join(here, "node_modules", name);
}

function main() {
  fs.mkdirSync(out, { recursive: true });
  const manifest = {};
  for (const [pkg, file, target] of FILES) {
    const dir = packageDir(pkg);
    const source = path.join(dir, file);
    if (!fs.existsSync(source)) {
      throw new Error(`${pkg}: ${file} not found (is node_modules installed? run npm ci --prefix web)`);
    }
    fs.copyFileSync(source, path.join(out, target));
    manifest[target] = `${pkg}@${require(path.join(dir, "package.json")).version}`;
  }
  fs.writeFileSync(path.join(out, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
  fs.mkdirSync(neo4jOut, { recursive: true });
  for (const name of ["browser-style.grass", "guide.html"]) {
    fs.copyFileSync(path.join(neo4jSource, name), path.join(neo4jOut, name));
  }
  console.log(`vendor files written to ${path.relative(process.cwd(), out) || out}: ${Object.keys(manifest).join(", ")}`);
}

main();

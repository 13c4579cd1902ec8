// Bundle Sveltia CMS (npm package @sveltia/cms, pinned in package-lock.json) into a folder of static files
// that the site build copies to /admin/: `node tools/bundle_cms.mjs OUT_DIR` (the Makefile runs it).
//
// The package's ready-made build (dist/sveltia-cms.js) loads its fonts and lazy modules (code highlighting,
// image tools, maps) from CDNs. Its npm build (npm/index.js) imports them as packages instead and finds its
// fonts next to itself (new URL("assets/...", import.meta.url)): bundled here with esbuild, every file the
// editor loads comes from the site. The few CDN addresses left in the code are fallbacks that run only when
// a local file fails to load; the admin page's Content-Security-Policy blocks them (tests check that no
// request leaves the site).
import { build } from "esbuild";
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";

const require = createRequire(import.meta.url);
const outDir = resolve(process.argv[2] ?? "node_modules/.cache/csn-admin");
const cmsRoot = dirname(dirname(require.resolve("@sveltia/cms")));
const cmsVersion = JSON.parse(readFileSync(join(cmsRoot, "package.json"), "utf8")).version;

// Code highlighting (shiki) ships some 700 grammars, 11 MB; the data of this site is YAML and Markdown.
// A grammar not listed here resolves to an empty one: such a code block is shown without colours.
const KEPT_GRAMMARS = new Set(["markdown", "yaml", "json", "html", "css", "javascript", "python", "shellscript",
  "xml", "toml"]);

const trimGrammars = {
  name: "trim-grammars",
  setup(builder) {
    builder.onResolve({ filter: /^@shikijs\/langs\/[^/]+$/ }, (args) => {
      const name = args.path.split("/").pop();
      return KEPT_GRAMMARS.has(name) ? undefined : { path: name, namespace: "empty-grammar" };
    });
    builder.onLoad({ filter: /.*/, namespace: "empty-grammar" }, () => ({ contents: "export default [];",
      loader: "js" }));
  },
};

// Two addresses of other hosts the package uses at every start, pointed at the site's own files:
// - the @font-face rules of its stylesheet name the fonts on a CDN, while the package ships them in npm/assets/
//   (a relative URL in a <style> element is read from the page, admin/);
// - GitHub's status page, read to warn of an outage: not GitHub's API, the only other host the editor may
//   reach; a data: URL answers "unknown", what the editor shows when the status cannot be read.
const cmsAssets = readdirSync(join(cmsRoot, "npm", "assets"));
const CDN_FONT = /https:\/\/cdn\.jsdelivr\.net\/fontsource\/fonts\/([a-z0-9-]+)(?::vf)?@[0-9.]+\/([a-z0-9-]+)\.woff2/g;
const GITHUB_STATUS = "https://www.githubstatus.com/api/v2/status.json";
const UNKNOWN_STATUS = 'data:application/json,{"status":{"indicator":"unknown"}}';

function localFont(url, family, subset) {
  const file = cmsAssets.find((name) => name.startsWith(`${family}-${subset}-`) && name.endsWith(".woff2"));
  if (!file) throw new Error(`${url}: no such font in @sveltia/cms/npm/assets: update tools/bundle_cms.mjs`);
  return `assets/${file}`;
}

const ownAddresses = {
  name: "own-addresses",
  setup(builder) {
    builder.onLoad({ filter: /@sveltia[\\/]cms[\\/]npm[\\/]index\.js$/ }, (args) => {
      const code = readFileSync(args.path, "utf8");
      if (!code.includes(GITHUB_STATUS)) throw new Error(`${GITHUB_STATUS} is gone: update tools/bundle_cms.mjs`);
      return { contents: code.replace(CDN_FONT, localFont).replaceAll(GITHUB_STATUS, UNKNOWN_STATUS), loader: "js" };
    });
  },
};

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
// The entry registers the site's own input (proper names) and starts the editor, which reads the configuration
// file the page names (<link rel="cms-config-url">). The output is not called sveltia-cms.js, a name the
// package would start a second time by itself.
const entry = join(dirname(new URL(import.meta.url).pathname), "cms_entry.js");
await build({
  entryPoints: { cms: entry },
  absWorkingDir: process.cwd(),
  nodePaths: [join(process.cwd(), "node_modules")],
  bundle: true,
  splitting: true,
  format: "esm",
  target: "es2022",
  minify: true,
  legalComments: "linked",
  outdir: outDir,
  chunkNames: "chunks/[name]-[hash]",
  assetNames: "assets/[name]-[hash]",
  loader: { ".wasm": "file", ".woff2": "file", ".png": "file" },
  plugins: [trimGrammars, ownAddresses],
  logLevel: "warning",
});
// The fonts, workers and WebAssembly files the code finds next to itself (new URL("assets/...", import.meta.url)).
cpSync(join(cmsRoot, "npm", "assets"), join(outDir, "assets"), { recursive: true,
  filter: (path) => !path.endsWith(".map") });
writeFileSync(join(outDir, "VERSION"), `@sveltia/cms ${cmsVersion}\n`);
console.log(`Sveltia CMS ${cmsVersion} bundled into ${outDir}`);

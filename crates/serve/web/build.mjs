// Builds the web desk into crates/serve/assets (committed; the sitrep binary embeds it).
//   node build.mjs           build
//   node build.mjs --check   build into a temporary folder and fail if crates/serve/assets differs
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as topojson from 'topojson-client';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const assets = path.resolve(here, '../assets');
const check = process.argv.includes('--check');
const out = check ? fs.mkdtempSync(path.join(os.tmpdir(), 'desk-')) : assets;

fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });

// app.js + app.css (Leaflet's CSS included; its few images inlined).
await esbuild.build({
  entryPoints: { app: path.join(here, 'src/main.js') },
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
  outdir: out,
  loader: { '.png': 'dataurl', '.svg': 'dataurl' },
  legalComments: 'eof',
  logLevel: 'warning',
});

// countries.json: Natural Earth 1:110m country outlines (world-atlas TopoJSON) as GeoJSON,
// coordinates rounded to 0.01° (about 1 km; the 1:110m data is coarser than that anyway).
const topo = require('world-atlas/countries-110m.json');
const round = (c) => (typeof c[0] === 'number' ? [Math.round(c[0] * 100) / 100, Math.round(c[1] * 100) / 100] : c.map(round));
const features = topojson
  .feature(topo, topo.objects.countries)
  .features.filter((f) => f.geometry)
  .map((f) => ({
    type: 'Feature',
    id: f.id ?? null,
    properties: { name: f.properties?.name ?? null },
    geometry: { type: f.geometry.type, coordinates: round(f.geometry.coordinates) },
  }));
fs.writeFileSync(path.join(out, 'countries.json'), JSON.stringify({ type: 'FeatureCollection', features }));

fs.copyFileSync(path.join(here, 'src/index.html'), path.join(out, 'index.html'));

// Notices of what is bundled.
const pkgDir = (name) => path.dirname(require.resolve(`${name}/package.json`));
const notice = ['Third-party software and data in these assets', ''];
for (const [name, what] of [
  ['leaflet', 'app.js, app.css'],
  ['world-atlas', 'countries.json (derived from Natural Earth, public domain)'],
  ['topojson-client', 'used at build time to convert countries.json'],
]) {
  const dir = pkgDir(name);
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const lic = fs.readdirSync(dir).find((f) => /^licen[cs]e/i.test(f));
  notice.push(`== ${name} ${pkg.version} (${pkg.license}) — ${what}`, '');
  if (lic) notice.push(fs.readFileSync(path.join(dir, lic), 'utf8').trim(), '');
}
fs.writeFileSync(path.join(out, 'THIRD_PARTY.txt'), `${notice.join('\n')}\n`);

const files = fs.readdirSync(out).sort();
let total = 0;
for (const f of files) {
  const n = fs.statSync(path.join(out, f)).size;
  total += n;
  if (!check) console.log(`${f.padEnd(18)} ${(n / 1024).toFixed(1).padStart(8)} KiB`);
}
if (!check) console.log(`${'total'.padEnd(18)} ${(total / 1024).toFixed(1).padStart(8)} KiB`);

if (check) {
  const have = fs.existsSync(assets) ? fs.readdirSync(assets).sort() : [];
  const differ = [...new Set([...have, ...files])].filter((f) => {
    const a = path.join(assets, f);
    const b = path.join(out, f);
    return !fs.existsSync(a) || !fs.existsSync(b) || !fs.readFileSync(a).equals(fs.readFileSync(b));
  });
  fs.rmSync(out, { recursive: true, force: true });
  if (differ.length) {
    console.error(`crates/serve/assets is not the build of crates/serve/web/src: ${differ.join(', ')} differ. Run: npm run build`);
    process.exit(1);
  }
  console.log('crates/serve/assets matches the sources.');
}

// Builds the atlas into web/dist: index.html and workspace.html (the partnership workspace's pages,
// workspace.js), app.js (esbuild bundle of src/main.js with MapLibre
// and Chart.js), app.css (GOV.UK Frontend compiled from Sass with system fonts, no GDS Transport,
// plus MapLibre's and the atlas's own styles) and MapLibre's worker. Nothing is fetched at run time.
import * as esbuild from 'esbuild';
import * as sass from 'sass';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const dist = join(root, 'dist');
const nm = join(root, 'node_modules');
const started = Date.now();

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

// The atlas (app.js) and the partnership workspace's pages (workspace.js), each its own bundle.
for (const [entry, out] of [['src/main.js', 'app.js'], ['src/workspace.js', 'workspace.js']]) {
  await esbuild.build({
    entryPoints: [join(root, entry)],
    bundle: true,
    format: 'esm',
    minify: true,
    sourcemap: false,
    target: ['es2022'],
    outfile: join(dist, out),
    legalComments: 'linked',
    logLevel: 'warning',
  });
}

const css = sass.compile(join(root, 'src/app.scss'), {
  loadPaths: [join(nm, 'govuk-frontend/dist'), nm],
  style: 'compressed',
  quietDeps: true,
  silenceDeprecations: ['import'],
});
const maplibreCss = readFileSync(join(nm, 'maplibre-gl/dist/maplibre-gl.css'), 'utf8');
if (/GDS Transport|\.woff/.test(css.css)) throw new Error('app.css would ship the GDS Transport font');
writeFileSync(join(dist, 'app.css'), maplibreCss + '\n' + css.css);

// MapLibre 6 starts its worker from this file (a module worker); .js so any server types it right.
copyFileSync(join(nm, 'maplibre-gl/dist/maplibre-gl-worker.mjs'), join(dist, 'maplibre-gl-worker.js'));
copyFileSync(join(root, 'src/index.html'), join(dist, 'index.html'));
copyFileSync(join(root, 'src/workspace.html'), join(dist, 'workspace.html'));
copyFileSync(join(root, 'src/favicon.svg'), join(dist, 'favicon.svg'));
console.log(`web/dist built in ${((Date.now() - started) / 1000).toFixed(1)} s`);

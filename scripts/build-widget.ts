import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { buildWidget, LOADER_FILE, WIDGET_DIR } from "./lib/widget-build";

// `npm run build` runs this before `next build`: the visitor widget's loader and panel bundles.
const manifest = await buildWidget();
const size = (file: string) => {
  const bytes = fs.readFileSync(file);
  return `${(bytes.length / 1024).toFixed(1)} KB (${(gzipSync(bytes).length / 1024).toFixed(1)} KB gzipped)`;
};
console.log(`✓ widget built: widget.js ${size(LOADER_FILE)}, ${manifest.panel} ${size(path.join(WIDGET_DIR, manifest.panel))}, ${manifest.css} ${size(path.join(WIDGET_DIR, manifest.css))}`);

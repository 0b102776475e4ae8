import fs from "node:fs";
import path from "node:path";
import * as esbuild from "esbuild";

/**
 * The visitor widget's two bundles, built apart from Next so host pages never load Next's runtime:
 * the loader (public/widget.js, a facade of a couple of KB) and the panel the loader frames
 * (public/widget/panel-<hash>.js and .css, cached for a year). public/widget/manifest.json names the
 * current panel files for app/widget/panel/route.ts.
 */

export const WIDGET_DIR = path.resolve("public/widget");
export const LOADER_FILE = path.resolve("public/widget.js");
export const MANIFEST_FILE = path.join(WIDGET_DIR, "manifest.json");

export type WidgetManifest = { panel: string; css: string };

const loaderOptions: esbuild.BuildOptions = {
  entryPoints: ["widget/loader.ts"],
  outfile: LOADER_FILE,
  bundle: true,
  minify: true,
  format: "iife",
  // Host sites' visitors may run older browsers than the app's own.
  target: ["es2019"],
  legalComments: "none",
  logLevel: "warning",
};

const panelOptions: esbuild.BuildOptions = {
  entryPoints: [
    { in: "widget/panel/main.tsx", out: "panel" },
    { in: "widget/panel/panel.css", out: "panel" },
  ],
  outdir: WIDGET_DIR,
  entryNames: "[name]-[hash]",
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2020"],
  jsx: "automatic",
  jsxImportSource: "preact",
  define: { "process.env.NODE_ENV": '"production"' },
  // pusher-js's MIT notice goes with it.
  legalComments: "eof",
  metafile: true,
  logLevel: "warning",
  plugins: [
    {
      name: "panel-manifest",
      setup(build) {
        build.onEnd((result) => {
          if (result.errors.length || !result.metafile) return;
          writeManifest(Object.keys(result.metafile.outputs));
        });
      },
    },
  ],
};

/** Names the panel files just written and removes the ones earlier builds left. */
function writeManifest(outputs: string[]): WidgetManifest {
  const names = outputs.map((file) => path.basename(file));
  const panel = names.find((name) => /^panel-[\w-]+\.js$/.test(name));
  const css = names.find((name) => /^panel-[\w-]+\.css$/.test(name));
  if (!panel || !css) throw new Error(`the panel build wrote no panel-*.js/.css (${names.join(", ")})`);
  const manifest: WidgetManifest = { panel, css };
  fs.writeFileSync(MANIFEST_FILE, `${JSON.stringify(manifest)}\n`);
  for (const name of fs.readdirSync(WIDGET_DIR)) {
    if (/^panel-.*\.(js|css)$/.test(name) && !names.includes(name)) fs.rmSync(path.join(WIDGET_DIR, name), { force: true });
  }
  return manifest;
}

/** One build of both bundles (`npm run build`, tests). */
export async function buildWidget(): Promise<WidgetManifest> {
  fs.mkdirSync(WIDGET_DIR, { recursive: true });
  await Promise.all([esbuild.build(loaderOptions), esbuild.build(panelOptions)]);
  return JSON.parse(fs.readFileSync(MANIFEST_FILE, "utf8")) as WidgetManifest;
}

/** Builds both once, then again on every change (`npm run dev`). Resolves after the first build. */
export async function watchWidget(): Promise<{ dispose: () => Promise<void> }> {
  fs.mkdirSync(WIDGET_DIR, { recursive: true });
  const contexts = await Promise.all([esbuild.context(loaderOptions), esbuild.context(panelOptions)]);
  await Promise.all(contexts.map((context) => context.rebuild()));
  await Promise.all(contexts.map((context) => context.watch()));
  return { dispose: async () => void (await Promise.all(contexts.map((context) => context.dispose()))) };
}

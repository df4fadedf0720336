/// <reference types="vitest/config" />
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The console (services/Console) serves dist/ and is the page's only backend; `npm run dev` proxies /api to it.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: false,
  },
  server: {
    proxy: { "/api": "http://localhost:8000" },
  },
  test: {
    environment: "jsdom",
    globals: true,
    setupFiles: ["src/test/setup.ts"],
    css: false,
    restoreMocks: true,
    unstubGlobals: true,
    // The machine running these is shared; CodeMirror-heavy screens need more than the default 5 s there.
    testTimeout: 20_000,
    // codemirror-promql has no "exports" map, so the test environment would take its CommonJS build ("main"), which
    // loads a second copy of @codemirror/state; point it at the ESM build the browser bundle uses, and inline it.
    alias: { "@prometheus-io/codemirror-promql": fileURLToPath(new URL("node_modules/@prometheus-io/codemirror-promql/dist/esm/index.js", import.meta.url)) },
    server: { deps: { inline: [/@prometheus-io\/codemirror-promql/] } },
  },
});

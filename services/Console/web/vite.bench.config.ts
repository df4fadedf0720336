import { resolve } from "node:path";
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The measurement pages under bench/, built apart from the console's bundle (dist-bench/, not served by the console).
export default defineConfig({
  plugins: [react()],
  root: resolve(import.meta.dirname, "bench"),
  build: {
    outDir: resolve(import.meta.dirname, "dist-bench"),
    emptyOutDir: true,
    rollupOptions: { input: { chart: resolve(import.meta.dirname, "bench/chart.html") } },
  },
  preview: { port: 4174, strictPort: false },
});

// Builds bench/ and opens bench/chart.html in Debian's chromium; prints the measurement and fails over budget.
//   npm run bench:chart            (CHROMIUM=/path/to/chromium to use another browser)
import { chromium } from "@playwright/test";
import { build, preview } from "vite";

const config = new URL("../vite.bench.config.ts", import.meta.url).pathname;
await build({ configFile: config, logLevel: "warn" });
const server = await preview({ configFile: config, preview: { port: 4174, host: "127.0.0.1" } });
const url = `${server.resolvedUrls.local[0]}chart.html`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(url);
  const result = await page.waitForFunction(() => window.__chartBenchmark, undefined, { timeout: 60_000 }).then((h) => h.jsonValue());
  console.log(JSON.stringify(result, null, 2));
  if (result.medianRenderAndDrawMs > result.budgetMs) {
    console.error(`over budget: ${result.medianRenderAndDrawMs} ms > ${result.budgetMs} ms`);
    process.exitCode = 1;
  }
} finally {
  await browser.close();
  await new Promise((resolve) => server.httpServer.close(resolve));
}

import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/global-setup.ts"],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 90_000,
    teardownTimeout: 30_000,
    // The JSON report feeds the "N passed, N failed" line of .ci/run.
    reporters: ["default", "json"],
    outputFile: { json: "test-results/vitest.json" },
  },
});

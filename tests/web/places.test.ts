import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

/**
 * Place names for the search facets: the 9 régions (and the cercles) come from one listing of
 * their level, not one request per P-code; other codes are still looked up one by one.
 */
const calls: string[] = [];
const REGIONS = [
  { pcode: "ML01", level: "region", name: "Kayes" },
  { pcode: "ML02", level: "region", name: "Koulikoro" },
  { pcode: "ML09", level: "region", name: "District de Bamako" },
];

beforeAll(() => {
  vi.stubGlobal("fetch", async (url: string) => {
    calls.push(url);
    const u = new URL(url, "http://x");
    const body =
      u.pathname === "/api/reference/mali" && u.searchParams.get("level") === "region"
        ? { items: REGIONS }
        : u.pathname === "/api/reference/mali" && u.searchParams.get("level") === "cercle"
          ? { items: [{ pcode: "ML0107", level: "cercle", name: "Yélimané" }] }
          : u.pathname.startsWith("/api/reference/mali/")
            ? { pcode: u.pathname.split("/").pop(), level: "commune", name: "Diafounou Diongaga" }
            : {};
    return new Response(JSON.stringify(body), {
      status: 200,
      headers: { "content-type": "application/json" },
    });
  });
});

afterAll(() => {
  vi.unstubAllGlobals();
});

describe("resolvePlaces", () => {
  it("names the régions of the facets with one listing, then asks no more", async () => {
    const { placeName, resolvePlaces } = await import("../../web/src/state/app-state.js");
    await resolvePlaces(["ML01", "ML02", "ML09"]);
    expect(calls).toEqual(["/api/reference/mali?level=region&limit=100"]);
    expect(placeName("ML09")).toBe("District de Bamako");
    await resolvePlaces(["ML01", "ML02"]);
    expect(calls).toHaveLength(1);
  });

  it("lists the cercles once too, and looks up a commune by its code", async () => {
    const { placeName, resolvePlaces } = await import("../../web/src/state/app-state.js");
    calls.length = 0;
    await resolvePlaces(["ML0107", "ML010701"]);
    expect(calls.sort()).toEqual([
      "/api/reference/mali/ML010701",
      "/api/reference/mali?level=cercle&limit=100",
    ]);
    expect(placeName("ML0107")).toBe("Yélimané");
    expect(placeName("ML010701")).toBe("Diafounou Diongaga");
  });
});

import { describe, expect, it } from "vitest";
import { backoffSeconds, defineJob, jobDefinition, jobId, onJobDefined } from "./definitions";

describe("backoffSeconds", () => {
  const options = { backoffSeconds: 5, maxBackoffSeconds: 600 };

  it("doubles per failed attempt, with jitter between half and the full delay", () => {
    expect([1, 2, 3, 4].map((attempt) => backoffSeconds(attempt, options, () => 1))).toEqual([5, 10, 20, 40]);
    expect([1, 2, 3, 4].map((attempt) => backoffSeconds(attempt, options, () => 0))).toEqual([2.5, 5, 10, 20]);
  });

  it("never waits longer than the cap", () => {
    expect(backoffSeconds(12, options, () => 1)).toBe(600);
    expect(backoffSeconds(1000, options, () => 1)).toBe(600);
  });
});

describe("jobId", () => {
  it("is a UUID that depends on name and key only", () => {
    const id = jobId("mail.send", "code:1");
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(jobId("mail.send", "code:1")).toBe(id);
    expect(jobId("mail.send", "code:2")).not.toBe(id);
    expect(jobId("mail.other", "code:1")).not.toBe(id);
  });
});

describe("defineJob", () => {
  it("registers the handler with defaults, tells listeners, and replaces it when defined again", async () => {
    const seen: string[] = [];
    const off = onJobDefined((definition) => seen.push(definition.name));
    const first = defineJob("test.unit-define", async () => {});
    expect(first.options).toEqual({
      attempts: 5,
      backoffSeconds: 5,
      maxBackoffSeconds: 3600,
      leaseSeconds: undefined,
      concurrency: 1,
    });
    const second = defineJob("test.unit-define", async () => {}, { attempts: 2 });
    off();
    defineJob("test.unit-define-later", async () => {});
    expect(jobDefinition("test.unit-define")).toBe(second);
    expect(seen).toEqual(["test.unit-define", "test.unit-define"]);
  });

  it.each([
    ["Bad Name", {}, "must match"],
    ["test.x", { attempts: 0 }, "attempts must be an integer ≥ 1"],
    ["test.x", { backoffSeconds: 0.5 }, "backoffSeconds must be an integer ≥ 1"],
    ["test.x", { backoffSeconds: 10, maxBackoffSeconds: 5 }, "maxBackoffSeconds must be ≥ backoffSeconds"],
    ["test.x", { concurrency: 0 }, "concurrency must be an integer ≥ 1"],
  ])("refuses %s %j", (name, options, message) => {
    expect(() => defineJob(name, async () => {}, options)).toThrow(message);
  });

  it("names an undefined job", () => {
    expect(() => jobDefinition("test.never-defined")).toThrow('No job named "test.never-defined" is defined');
  });
});

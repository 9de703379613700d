import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkProviderUrl, guardedLookup, isOutboundRefusal } from "./outbound";

const ENV = "PROMPTLY_ALLOWED_PROVIDER_HOSTS";
const saved = process.env[ENV];
beforeEach(() => {
  delete process.env[ENV];
});
afterEach(() => {
  if (saved === undefined) delete process.env[ENV];
  else process.env[ENV] = saved;
});

describe("provider URLs at save time", () => {
  it.each([
    ["http://169.254.169.254/latest/meta-data/", "cloud metadata address (169.254.169.254)", "169.254.169.254:80"],
    ["http://10.0.0.1/v1", "private address (10.0.0.1)", "10.0.0.1:80"],
    ["http://[::1]:9/v1", "loopback address (::1)", "[::1]:9"],
    ["http://2130706433/", "loopback address (127.0.0.1)", "127.0.0.1:80"],
    ["http://0x7f.1:8080/", "loopback address (127.0.0.1)", "127.0.0.1:8080"],
    ["http://017700000001/", "loopback address (127.0.0.1)", "127.0.0.1:80"],
    ["http://[::ffff:169.254.169.254]/", "cloud metadata address (::ffff:a9fe:a9fe)", "[::ffff:a9fe:a9fe]:80"],
    ["http://[fd00:ec2::254]/", "cloud metadata address (fd00:ec2::254)", "[fd00:ec2::254]:80"],
    ["https://100.64.1.1/", "shared (CGNAT) address (100.64.1.1)", "100.64.1.1:443"],
    ["http://0.0.0.0:3000/", "unspecified address (0.0.0.0)", "0.0.0.0:3000"],
    ["http://localhost:11434/v1", "loopback host (localhost)", "localhost:11434"],
    ["http://LocalHost.:11434/v1", "loopback host (localhost)", "localhost.:11434"],
    ["http://api.localhost/v1", "loopback host (api.localhost)", "api.localhost:80"],
  ])("%s is refused, naming the variable that allows it", async (url, what, allow) => {
    const refusal = await checkProviderUrl(url, "custom_host");
    expect(refusal).toContain(what);
    expect(refusal).toContain(`${ENV}=${allow}`);
  });

  it("accepts public addresses, names that don't resolve (offline), and allowlisted hosts", async () => {
    expect(await checkProviderUrl("https://8.8.8.8/v1", "custom_host")).toBeNull();
    expect(await checkProviderUrl("https://no-such-host.invalid/v1", "custom_host")).toBeNull();
    process.env[ENV] = "127.0.0.1:4010,localhost:11434,*.corp.example";
    expect(await checkProviderUrl("http://127.0.0.1:4010/v1", "custom_host")).toBeNull();
    expect(await checkProviderUrl("http://2130706433:4010/v1", "custom_host")).toBeNull();
    expect(await checkProviderUrl("http://localhost:11434/v1", "custom_host")).toBeNull();
    expect(await checkProviderUrl("http://127.0.0.1:4011/v1", "custom_host")).toContain("loopback");
    expect(await checkProviderUrl("http://localhost:4010/v1", "custom_host")).toContain("loopback");
  });
});

describe("provider connections", () => {
  async function listener() {
    const hits: string[] = [];
    const server = http.createServer((req, res) => {
      hits.push(req.url ?? "");
      res.end("ok");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return { server, hits, port: (server.address() as AddressInfo).port };
  }

  function get(host: string, port: number) {
    return new Promise<string>((resolve, reject) => {
      const request = http.get({ host, port, path: "/x", lookup: guardedLookup(host, port) }, (response) => {
        response.resume();
        response.on("end", () => resolve(String(response.statusCode)));
      });
      request.on("error", reject);
    });
  }

  it("a name resolving to a refused address never gets a connection; allowlisted, it does", async () => {
    const { server, hits, port } = await listener();
    try {
      const error = await get("localhost", port).catch((e: unknown) => e);
      expect(isOutboundRefusal(error)).toBe(true);
      expect((error as Error).message).toContain(`${ENV}=localhost:${port}`);
      expect(hits).toEqual([]);
      process.env[ENV] = `localhost:${port}`;
      expect(await get("localhost", port)).toBe("200");
      expect(hits).toEqual(["/x"]);
    } finally {
      server.close();
    }
  });
});

import { describe, expect, it } from "vitest";
import { databaseDialect, redactDatabaseUrl } from "@/lib/core/db/dialect";
import { pgPoolConfig } from "@/lib/core/db/pg-adapter";
import { adaptFilter, storableText } from "@/lib/core/db/pg-compat";

describe("DATABASE_URL picks the database", () => {
  it("file: or nothing is SQLite; postgres:// and postgresql:// are PostgreSQL", () => {
    expect(databaseDialect(undefined)).toBe("sqlite");
    expect(databaseDialect("")).toBe("sqlite");
    expect(databaseDialect("file:./promptly.db")).toBe("sqlite");
    expect(databaseDialect("postgres://u:p@db:5432/promptly")).toBe("postgres");
    expect(databaseDialect("postgresql://db/promptly")).toBe("postgres");
  });

  it("refuses anything else instead of guessing", () => {
    expect(() => databaseDialect("mysql://db/promptly")).toThrow(/file:, postgres:\/\/ or postgresql:\/\//);
    expect(() => databaseDialect("./promptly.db")).toThrow();
  });

  it("hides the password in logs", () => {
    expect(redactDatabaseUrl("postgresql://app:s3cr%40t@db:5432/p")).toBe("postgresql://app:****@db:5432/p");
    expect(redactDatabaseUrl("file:./promptly.db")).toBe("file:./promptly.db");
  });
});

describe("pg pool settings from a URL", () => {
  it("are split into fields (the shadow database pool overrides `database`)", () => {
    const config = pgPoolConfig("postgresql://app:p%40ss%3Aword@db.internal:6543/promptly");
    expect(config).toMatchObject({ host: "db.internal", port: 6543, user: "app", password: "p@ss:word", database: "promptly", max: 10 });
    expect(config).not.toHaveProperty("connectionString");
    expect(config.ssl).toBeUndefined();
  });

  it("understand sslmode, a socket folder, schema and connection_limit", () => {
    expect(pgPoolConfig("postgres://h/db?sslmode=require").ssl).toEqual({ rejectUnauthorized: false });
    expect(pgPoolConfig("postgres://h/db?sslmode=verify-full").ssl).toEqual({ rejectUnauthorized: true });
    expect(pgPoolConfig("postgresql:///db?host=/var/run/postgresql").host).toBe("/var/run/postgresql");
    expect(pgPoolConfig("postgres://h/db?schema=tenant1")).toMatchObject({ schema: "tenant1", options: '-c search_path="tenant1"' });
    expect(pgPoolConfig("postgres://h/db?connection_limit=3").max).toBe(3);
    expect(pgPoolConfig("postgres://[::1]:5433/db")).toMatchObject({ host: "::1", port: 5433 });
  });

  it("close idle connections at once for the CLI, so that commands exit promptly", () => {
    expect(pgPoolConfig("postgres://h/db", { cli: true }).idleTimeoutMillis).toBeLessThan(1000);
    expect(pgPoolConfig("postgres://h/db").idleTimeoutMillis).toBeGreaterThanOrEqual(10_000);
  });
});

describe("PostgreSQL made to behave as SQLite", () => {
  it("is made case-insensitive like SQLite's LIKE, through AND / OR / relation filters", () => {
    const where = {
      OR: [{ name: { contains: "Bot" } }, { slug: { startsWith: "pp-", mode: "default" } }],
      collection: { is: { name: { endsWith: "team" } } },
      createdAt: { gte: new Date(0) },
      id: { in: ["a"] },
    };
    adaptFilter(where);
    expect(where).toEqual({
      OR: [{ name: { contains: "Bot", mode: "insensitive" } }, { slug: { startsWith: "pp-", mode: "default" } }],
      collection: { is: { name: { endsWith: "team", mode: "insensitive" } } },
      createdAt: { gte: new Date(0) },
      id: { in: ["a"] },
    });
  });

  it("makes a filter with a NUL match nothing instead of failing, and refuses to write one", () => {
    const where = { OR: [{ id: "a\u0000" }, { slug: { in: ["ok", "b\u0000c"] } }] };
    adaptFilter(where);
    expect(where).toEqual({ OR: [{ id: "a\uffff" }, { slug: { in: ["ok", "b\uffffc"] } }] });
    expect(() => storableText({ name: "x\u0000", settings: { note: "\u0000 in JSON is fine" } })).toThrow(/name must not contain the NUL/);
    expect(() => storableText([{ name: "fine" }, { settings: { a: "\u0000" } }])).not.toThrow();
    const logs = [{ error: "bad\u0000byte", request: { a: "\u0000" } }];
    storableText(logs, true); // completion logs: kept, the character replaced
    expect(logs).toEqual([{ error: "bad\ufffdbyte", request: { a: "\u0000" } }]);
  });
});

import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import {
    CONNECTION_TTL_SECONDS,
    createHandlers,
    type HandlerDeps,
    type Handlers,
    type WebSocketEvent,
} from "../../../components/blocks/realtime/handler/app";
import { HANDLER_DIR } from "../../../components/blocks/realtime/websocketApi";

// The realtime Lambda handlers, called with fake AWS SDK clients: an in-memory connections
// table, a Cognito that accepts one token, and a management API that records what it sent.

const POOL = "us-east-1_Pool1";
const CLIENT = "client-spa";
const NOW = Date.parse("2026-11-23T10:00:00Z");

function jwt(claims: Record<string, unknown>): string {
    const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
    return `${part({ alg: "RS256", kid: "k" })}.${part(claims)}.signature`;
}

const VALID_CLAIMS = { iss: `https://cognito-idp.us-east-1.amazonaws.com/${POOL}`, client_id: CLIENT, token_use: "access", sub: "user-1" };
const VALID = jwt(VALID_CLAIMS);

interface Fakes {
    handlers: Handlers;
    table: Map<string, Record<string, { S?: string; N?: string }>>;
    sent: { endpoint: string; connectionId: string; data: string }[];
    gone: Set<string>;
    calls: string[];
}

function fakes(overrides: Partial<HandlerDeps> = {}): Fakes {
    const table = new Map<string, Record<string, { S?: string; N?: string }>>();
    const sent: Fakes["sent"] = [];
    const gone = new Set<string>();
    const calls: string[] = [];
    const deps: HandlerDeps = {
        tableName: "chat-prod-ws-connections",
        region: "us-east-1",
        userPoolId: POOL,
        clientId: CLIENT,
        now: () => NOW,
        log: () => undefined,
        dynamodb: {
            async putItem(input) {
                calls.push(`put ${String(input.TableName)}`);
                const item = input.Item as Record<string, { S: string }>;
                table.set(item.connectionId.S, item);
                return {};
            },
            async deleteItem(input) {
                calls.push(`delete ${String(input.TableName)}`);
                table.delete((input.Key as { connectionId: { S: string } }).connectionId.S);
                return {};
            },
            async getItem(input) {
                return { Item: table.get((input.Key as { connectionId: { S: string } }).connectionId.S) };
            },
            async scan(input) {
                // Two pages, to prove the handler follows LastEvaluatedKey.
                const room = (input.ExpressionAttributeValues as Record<string, { S: string }>)[":room"].S;
                const items = [...table.values()].filter((i) => i.room.S === room).map((i) => ({ connectionId: i.connectionId }));
                const start = input.ExclusiveStartKey === undefined ? 0 : 1;
                return start === 0 && items.length > 1
                    ? { Items: items.slice(0, 1), LastEvaluatedKey: { connectionId: items[0].connectionId } }
                    : { Items: items.slice(start) };
            },
        },
        cognito: {
            async getUser({ AccessToken }) {
                if (AccessToken === "expired") throw Object.assign(new Error("expired"), { name: "NotAuthorizedException" });
                return { Username: "user-1" };
            },
        },
        managementApi: (endpoint) => ({
            async postToConnection({ ConnectionId, Data }) {
                if (gone.has(ConnectionId)) throw Object.assign(new Error("gone"), { name: "GoneException", $metadata: { httpStatusCode: 410 } });
                sent.push({ endpoint, connectionId: ConnectionId, data: Data });
                return {};
            },
        }),
        ...overrides,
    };
    return { handlers: createHandlers(deps), table, sent, gone, calls };
}

function event(connectionId: string, extra: Partial<WebSocketEvent> = {}): WebSocketEvent {
    return { requestContext: { connectionId, apiId: "abc123", stage: "live" }, ...extra };
}

async function connected(f: Fakes, connectionId: string, room?: string): Promise<void> {
    const res = await f.handlers.connect(event(connectionId, { queryStringParameters: { token: VALID, ...(room !== undefined ? { room } : {}) } }));
    assert.equal(res.statusCode, 200);
}

describe("realtime WebSocket handlers (fake SDK clients)", () => {
    describe("$connect", () => {
        it("stores the connection with its room, user and an expiry 2 hours ahead", async () => {
            const f = fakes();
            await connected(f, "c1", "general");
            const seconds = NOW / 1000;
            assert.deepEqual(f.table.get("c1"), {
                connectionId: { S: "c1" },
                room: { S: "general" },
                userId: { S: "user-1" },
                connectedAt: { N: String(seconds) },
                expires: { N: String(seconds + CONNECTION_TTL_SECONDS) },
            });
            assert.equal(CONNECTION_TTL_SECONDS, 7200);
        });

        it("puts a connection without a room in the lobby", async () => {
            const f = fakes();
            await connected(f, "c1");
            assert.equal(f.table.get("c1")!.room.S, "lobby");
        });

        it("answers 401 without a token and stores nothing", async () => {
            const f = fakes();
            const res = await f.handlers.connect(event("c1", { queryStringParameters: null }));
            assert.equal(res.statusCode, 401);
            assert.equal(f.table.size, 0);
        });

        it("answers 401 when Cognito rejects the token", async () => {
            const f = fakes();
            assert.equal((await f.handlers.connect(event("c1", { queryStringParameters: { token: "expired" } }))).statusCode, 401);
        });

        it("answers 401 for a valid token of another user pool", async () => {
            const f = fakes();
            const other = jwt({ ...VALID_CLAIMS, iss: "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other" });
            assert.equal((await f.handlers.connect(event("c1", { queryStringParameters: { token: other } }))).statusCode, 401);
        });

        it("answers 401 for a token of another app client", async () => {
            const f = fakes();
            const other = jwt({ ...VALID_CLAIMS, client_id: "someone-else" });
            assert.equal((await f.handlers.connect(event("c1", { queryStringParameters: { token: other } }))).statusCode, 401);
        });

        it("answers 401 for an ID token (only access tokens are accepted)", async () => {
            const f = fakes();
            const idToken = jwt({ ...VALID_CLAIMS, token_use: "id" });
            assert.equal((await f.handlers.connect(event("c1", { queryStringParameters: { token: idToken } }))).statusCode, 401);
        });

        it("answers 400 for a room name outside [A-Za-z0-9_-]{1,64}", async () => {
            const f = fakes();
            assert.equal((await f.handlers.connect(event("c1", { queryStringParameters: { token: VALID, room: "../etc" } }))).statusCode, 400);
        });
    });

    it("$disconnect removes the connection", async () => {
        const f = fakes();
        await connected(f, "c1");
        assert.equal((await f.handlers.disconnect(event("c1"))).statusCode, 200);
        assert.equal(f.table.size, 0);
    });

    describe("message", () => {
        it("sends the message to every connection of the sender's room (all pages), and to no other room", async () => {
            const f = fakes();
            await connected(f, "c1", "general");
            await connected(f, "c2", "general");
            await connected(f, "c3", "random");
            const res = await f.handlers.message(event("c1", { body: JSON.stringify({ action: "message", data: "olá" }) }));
            assert.equal(res.statusCode, 200);
            assert.deepEqual(JSON.parse(res.body), { delivered: 2, stale: 0, failed: 0 });
            assert.deepEqual(f.sent.map((s) => s.connectionId).sort(), ["c1", "c2"]);
            assert.deepEqual(JSON.parse(f.sent[0].data), { type: "message", room: "general", from: "user-1", data: "olá", sentAt: "2026-11-23T10:00:00.000Z" });
        });

        it("posts through the management API of the API's own stage", async () => {
            const f = fakes();
            await connected(f, "c1");
            await f.handlers.message(event("c1", { body: JSON.stringify({ action: "message", data: "hi" }) }));
            assert.equal(f.sent[0].endpoint, "https://abc123.execute-api.us-east-1.amazonaws.com/live");
        });

        it("removes connections that are gone (410) and counts them", async () => {
            const f = fakes();
            await connected(f, "c1");
            await connected(f, "c2");
            f.gone.add("c2");
            const res = await f.handlers.message(event("c1", { body: JSON.stringify({ action: "message", data: "hi" }) }));
            assert.deepEqual(JSON.parse(res.body), { delivered: 1, stale: 1, failed: 0 });
            assert.ok(!f.table.has("c2"));
        });

        it("answers 400 for a body that is not JSON or has no string data", async () => {
            const f = fakes();
            await connected(f, "c1");
            assert.equal((await f.handlers.message(event("c1", { body: "hello" }))).statusCode, 400);
            assert.equal((await f.handlers.message(event("c1", { body: JSON.stringify({ action: "message", data: 42 }) }))).statusCode, 400);
        });

        it("answers 413 for data above 32 KB", async () => {
            const f = fakes();
            await connected(f, "c1");
            const res = await f.handlers.message(event("c1", { body: JSON.stringify({ action: "message", data: "x".repeat(33 * 1024) }) }));
            assert.equal(res.statusCode, 413);
            assert.equal(f.sent.length, 0);
        });

        it("answers 403 for a connection it does not know", async () => {
            const f = fakes();
            assert.equal((await f.handlers.message(event("nobody", { body: JSON.stringify({ action: "message", data: "hi" }) }))).statusCode, 403);
        });
    });

    it("fails closed at start-up without a user pool to check tokens against", () => {
        assert.throws(() => fakes({ userPoolId: undefined }), /userPoolId is not configured/);
        assert.throws(() => fakes({ tableName: "" }), /tableName is not configured/);
    });

    it("uses the configured table for every write", async () => {
        const f = fakes();
        await connected(f, "c1");
        await f.handlers.disconnect(event("c1"));
        assert.deepEqual(f.calls, ["put chat-prod-ws-connections", "delete chat-prod-ws-connections"]);
    });

    it("the Lambda entry point and the handlers are valid JavaScript for Node.js", () => {
        for (const file of ["index.js", "app.js"]) {
            const check = spawnSync(process.execPath, ["--check", path.join(HANDLER_DIR, file)], { encoding: "utf8" });
            assert.equal(check.status, 0, check.stderr);
        }
    });
});

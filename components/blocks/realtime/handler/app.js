"use strict";
/**
 * The realtime API's WebSocket handlers (seed 001 phase 3: connect, disconnect, message),
 * written against injected AWS SDK v3 clients so tests can pass fakes. index.js wires the
 * clients of the Lambda runtime's SDK.
 *
 * - $connect: requires a Cognito access token of this app's user pool and client in the `token`
 *   query parameter (browsers cannot set headers on a WebSocket), validated by Cognito GetUser
 *   (signature, expiry, revocation) and by its issuer, client and use; stores the connection
 *   with its room (`room` query parameter, default "lobby") and an expiry 2 hours ahead (API
 *   Gateway closes connections after 2 hours; TTL removes rows a lost $disconnect left behind).
 * - $disconnect: removes the connection.
 * - message: `{"action":"message","data":"..."}` is sent to every connection in the sender's
 *   room through the API Gateway management API; connections that are gone (410) are removed.
 */

/** API Gateway closes WebSocket connections after 2 hours. */
const CONNECTION_TTL_SECONDS = 2 * 60 * 60;
const DEFAULT_ROOM = "lobby";
const ROOM = /^[A-Za-z0-9_-]{1,64}$/;
/** One API Gateway WebSocket frame carries at most 32 KB. */
const MAX_DATA_BYTES = 32 * 1024;

function reply(statusCode, body) {
    return { statusCode, body: body === undefined ? "" : typeof body === "string" ? body : JSON.stringify(body) };
}

/** The claims of a JWT, without verifying it (callers verify first). */
function jwtClaims(token) {
    const parts = String(token).split(".");
    if (parts.length !== 3) return undefined;
    try {
        return JSON.parse(Buffer.from(parts[1], "base64url").toString("utf8"));
    } catch {
        return undefined;
    }
}

function isGone(err) {
    return err !== null && typeof err === "object" && (err.name === "GoneException" || (err.$metadata && err.$metadata.httpStatusCode === 410));
}

/**
 * @param {import("./app").HandlerDeps} deps
 * @returns {import("./app").Handlers}
 */
function createHandlers(deps) {
    for (const key of ["tableName", "region", "userPoolId", "clientId"]) {
        if (typeof deps[key] !== "string" || deps[key] === "") {
            // Fail closed at start-up: without a pool to check tokens against, nobody may connect.
            throw new Error(`realtime handlers: ${key} is not configured`);
        }
    }
    const now = deps.now || Date.now;
    const log = deps.log || ((level, message, fields) => console.log(JSON.stringify({ level, message, ...fields })));
    const issuer = `https://cognito-idp.${deps.region}.amazonaws.com/${deps.userPoolId}`;
    const apis = new Map();
    const managementApi = (endpoint) => {
        if (!apis.has(endpoint)) apis.set(endpoint, deps.managementApi(endpoint));
        return apis.get(endpoint);
    };
    const key = (connectionId) => ({ connectionId: { S: connectionId } });

    /** The user id of a valid access token of this pool and client, or undefined. */
    async function authenticate(token) {
        if (typeof token !== "string" || token === "") return undefined;
        try {
            await deps.cognito.getUser({ AccessToken: token });
        } catch (err) {
            log("info", "token rejected by Cognito", { reason: err && err.name });
            return undefined;
        }
        const claims = jwtClaims(token);
        if (!claims || claims.iss !== issuer || claims.client_id !== deps.clientId || claims.token_use !== "access" || typeof claims.sub !== "string") {
            log("info", "token of another pool, client or use", {});
            return undefined;
        }
        return claims.sub;
    }

    async function connect(event) {
        const query = event.queryStringParameters || {};
        const room = query.room === undefined ? DEFAULT_ROOM : query.room;
        if (!ROOM.test(room)) return reply(400, "room: 1-64 letters, digits, _ or -");
        const userId = await authenticate(query.token);
        if (userId === undefined) return reply(401, "Unauthorized");
        const connectedAt = Math.floor(now() / 1000);
        await deps.dynamodb.putItem({
            TableName: deps.tableName,
            Item: {
                ...key(event.requestContext.connectionId),
                room: { S: room },
                userId: { S: userId },
                connectedAt: { N: String(connectedAt) },
                expires: { N: String(connectedAt + CONNECTION_TTL_SECONDS) },
            },
        });
        log("info", "connected", { connectionId: event.requestContext.connectionId, room });
        return reply(200);
    }

    async function disconnect(event) {
        await deps.dynamodb.deleteItem({ TableName: deps.tableName, Key: key(event.requestContext.connectionId) });
        return reply(200);
    }

    /** Connection ids of a room, page by page. */
    async function roomMembers(room) {
        const ids = [];
        let start;
        do {
            const page = await deps.dynamodb.scan({
                TableName: deps.tableName,
                ProjectionExpression: "connectionId",
                FilterExpression: "#room = :room",
                ExpressionAttributeNames: { "#room": "room" },
                ExpressionAttributeValues: { ":room": { S: room } },
                ExclusiveStartKey: start,
            });
            for (const item of page.Items || []) ids.push(item.connectionId.S);
            start = page.LastEvaluatedKey;
        } while (start !== undefined);
        return ids;
    }

    async function message(event) {
        let body;
        try {
            body = JSON.parse(event.body || "");
        } catch {
            return reply(400, "the body must be JSON: {\"action\":\"message\",\"data\":\"...\"}");
        }
        if (body === null || typeof body !== "object" || typeof body.data !== "string") {
            return reply(400, "data must be a string");
        }
        if (Buffer.byteLength(body.data, "utf8") > MAX_DATA_BYTES) return reply(413, `data is limited to ${MAX_DATA_BYTES} bytes`);

        const sender = await deps.dynamodb.getItem({ TableName: deps.tableName, Key: key(event.requestContext.connectionId), ConsistentRead: true });
        if (!sender.Item) return reply(403, "unknown connection");
        const room = sender.Item.room.S;
        const payload = JSON.stringify({
            type: "message",
            room,
            from: sender.Item.userId.S,
            data: body.data,
            sentAt: new Date(now()).toISOString(),
        });
        const { apiId, stage } = event.requestContext;
        const api = managementApi(`https://${apiId}.execute-api.${deps.region}.amazonaws.com/${stage}`);

        let delivered = 0;
        let stale = 0;
        let failed = 0;
        await Promise.all((await roomMembers(room)).map(async (connectionId) => {
            try {
                await api.postToConnection({ ConnectionId: connectionId, Data: payload });
                delivered++;
            } catch (err) {
                if (isGone(err)) {
                    stale++;
                    await deps.dynamodb.deleteItem({ TableName: deps.tableName, Key: key(connectionId) });
                } else {
                    failed++;
                    log("error", "delivery failed", { connectionId, reason: err && err.name });
                }
            }
        }));
        return reply(200, { delivered, stale, failed });
    }

    return { connect, disconnect, message };
}

module.exports = { createHandlers, CONNECTION_TTL_SECONDS, MAX_DATA_BYTES, DEFAULT_ROOM };

/**
 * What every service of the platform finds in its environment: the endpoints (plain) and the
 * names of the secrets the platform injects (pure).
 */
import { type ServiceSettings } from "../../config/platform";

/** Where the app finds the platform, in the container's environment (no secrets: those are injected). */
export interface PlatformEndpoints<A> {
    region: string;
    appUrl: string;
    redisHost: A;
    redisPort: number;
    sessionsTable: A;
    uploadsBucket: A;
    userPoolId: A;
    userPoolClientId: A;
    websocketUrl: A;
    /** CloudWatch namespace of the app's custom metrics (its task role may put metrics there only). */
    metricsNamespace: string;
}

/**
 * The environment every service gets (the user's containerEnvironment is merged over it): the
 * region, the app's URL, Redis over TLS, the sessions table, the uploads bucket, the Cognito ids
 * and the WebSocket URL; PORT for a load-balanced service; CLUSTER_MODE=true (seed 001's task
 * definition: several tasks share Socket.io rooms through the Redis adapter) and the namespace of
 * the app's custom metrics (seed 001's putMetric).
 */
export function platformEnvironment<A>(service: Pick<ServiceSettings, "loadBalanced">, appPort: number, e: PlatformEndpoints<A>): Record<string, A | string> {
    return {
        ...(service.loadBalanced ? { PORT: String(appPort) } : {}),
        AWS_REGION: e.region,
        APP_URL: e.appUrl,
        REDIS_HOST: e.redisHost,
        REDIS_PORT: String(e.redisPort),
        REDIS_TLS: "true",
        SESSIONS_TABLE: e.sessionsTable,
        UPLOADS_BUCKET: e.uploadsBucket,
        COGNITO_USER_POOL_ID: e.userPoolId,
        COGNITO_CLIENT_ID: e.userPoolClientId,
        WEBSOCKET_URL: e.websocketUrl,
        CLUSTER_MODE: "true",
        METRICS_NAMESPACE: e.metricsNamespace,
    };
}

/** Names of the secrets the platform generates and injects into every service. */
export const REDIS_TOKEN_VARIABLE = "REDIS_AUTH_TOKEN";

export const SESSION_SECRET_VARIABLE = "SESSION_SECRET";

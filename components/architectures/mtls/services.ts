/**
 * The sizes and counts of the mTLS API's two services (pure).
 */
import { MTLS_SERVICE_NAMES } from "../../config/mtls";
import { type ServiceSettings } from "../../config/platform";

/** Sizes of the two services: small, fixed counts with CPU scaling; never fewer than 2 tasks. */
export function mtlsServiceSettings(input: {
    gatewayCount: number;
    apiCount: number;
    apiCpu: number;
    apiMemory: number;
    environment: Record<string, string>;
}): { gateway: ServiceSettings; api: ServiceSettings } {
    const base = { environment: {}, secrets: [], readonlyRootFilesystem: true, cpuTarget: 60 };
    return {
        gateway: {
            ...base,
            name: MTLS_SERVICE_NAMES.gateway,
            loadBalanced: true,
            cpu: 256,
            memory: 512,
            desiredCount: input.gatewayCount,
            minCount: input.gatewayCount,
            maxCount: input.gatewayCount * 3,
            imageTag: undefined,
        },
        api: {
            ...base,
            name: MTLS_SERVICE_NAMES.api,
            loadBalanced: false,
            cpu: input.apiCpu,
            memory: input.apiMemory,
            desiredCount: input.apiCount,
            minCount: input.apiCount,
            maxCount: input.apiCount * 3,
            environment: { ...input.environment },
        },
    };
}

/**
 * What seed 002's mTLS API needs to work and what must never work (pure), proved on every plan
 * by the offline check (docs/intents.md).
 */
import { access, flow, type Intent, sg } from "../../lib/intents";
import { GATEWAY_PORT } from "./traffic";

export interface MtlsIntentInput {
    /** The MtlsApi component's name: the prefix of its children's names. */
    name: string;
    apiPort: number;
    /** The partners' networks (mtlsClientCidrs); the first one is proved to reach the NLB. */
    clientCidrs: string[];
    /** ECS service names of the gateway and the API (`mtls-gateway`, `mtls-api`): their repositories' suffixes. */
    gatewayService: string;
    apiService: string;
}

export function mtlsIntents(input: MtlsIntentInput): Intent[] {
    const { name } = input;
    const nlb = sg(`${name}-nlb-sg`);
    const gateway = sg(`${name}-gateway-sg`);
    const api = sg(`${name}-api-sg`);
    const intents: Intent[] = [];
    if (input.clientCidrs.length > 0) intents.push(flow("partner-to-nlb", "allow", "a partner's network reaches the NLB on 443", `cidr:${input.clientCidrs[0]}`, nlb, GATEWAY_PORT));
    intents.push(
        flow("nlb-to-gateway", "allow", "the NLB forwards TCP 443 to the nginx gateway", nlb, gateway, GATEWAY_PORT),
        flow("gateway-to-api", "allow", "the gateway reaches the API", gateway, api, input.apiPort),
        flow("no-internet-to-api", "deny", "the API is reachable only through the gateway", "internet", api, input.apiPort),
        access("gateway-pulls-its-image", "allow", "the gateway's execution role pulls from the gateway's repository", `${name}-gateway-execution`, "ecr:BatchGetImage", `${name}-${input.gatewayService}-repo`),
        access("api-pulls-its-image", "allow", "the API's execution role pulls from the API's own repository", `${name}-api-execution`, "ecr:BatchGetImage", `${name}-${input.apiService}-repo`),
        access("api-role-no-iam", "deny", "the API's task role cannot touch IAM", `${name}-api-task`, "iam:CreateUser", "*"),
    );
    return intents;
}

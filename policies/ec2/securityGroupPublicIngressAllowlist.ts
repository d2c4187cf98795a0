import { integerList } from "../lib/config";
import { describeOpen, reachesBeyond, type TrafficMatcher, worldIngress } from "../lib/exposure";
import { resourcePolicy } from "../lib/policy";
import { RULE_TYPES, rulesOf } from "../lib/sgrules";
import { reportVerdicts, SG_DOCS } from "./worldIngress";

export const securityGroupPublicIngressAllowlist = resourcePolicy({
    name: "ec2-security-group-public-ingress-allowlist",
    description: "Ingress from the internet is only on the allowed ports (80 and 443 by default); anything else should sit behind a load balancer or a restricted source.",
    severity: "medium",
    enforcementLevel: "advisory",
    frameworks: [{ framework: "fsbp", control: "EC2.18" }],
    topics: ["network"],
    resourceTypes: RULE_TYPES,
    remediation: "Restrict the source, put the service behind the load balancer, or add the port to allowedPorts.",
    url: SG_DOCS,
    config: {
        allowedPorts: integerList("TCP/UDP ports that may be open to the internet.", [80, 443], 0, 65535),
    },
    check(r, config, report) {
        const matcher: TrafficMatcher = reachesBeyond(config.allowedPorts);
        const verdicts = worldIngress(rulesOf(r.type, r.props), matcher);
        const allowed = config.allowedPorts.join(", ");
        reportVerdicts(verdicts, report, "a port outside the allow-list", (v) =>
            `${describeOpen(v)}, beyond the ports allowed from the internet (${allowed}). `
            + "Restrict the source, put the service behind the load balancer, or add the port to allowedPorts in the policy config.");
    },
});

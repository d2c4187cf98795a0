import { describeOpen, reachesAllPorts, worldIngress } from "../lib/exposure";
import { resourcePolicy } from "../lib/policy";
import { RULE_TYPES, rulesOf } from "../lib/sgrules";
import { reportVerdicts, SG_DOCS } from "./worldIngress";

export const securityGroupNoPublicAllPorts = resourcePolicy({
    name: "ec2-security-group-no-public-all-ports",
    description: "No security-group rule opens all protocols (-1/all) or every TCP/UDP port to the internet.",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: [{ framework: "fsbp", control: "EC2.18" }],
    topics: ["network"],
    resourceTypes: RULE_TYPES,
    remediation: "Open only the ports the service needs.",
    url: SG_DOCS,
    check(r, _config, report) {
        const verdicts = worldIngress(rulesOf(r.type, r.props), reachesAllPorts);
        reportVerdicts(verdicts, report, "every port", (v) => `${describeOpen(v)} on every port. Open only the ports the service needs (for a web server: 80 and 443).`);
    },
});

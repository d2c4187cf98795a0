/**
 * Egress to the whole internet on every port: the counterpart of the world-ingress policies for
 * outbound rules, in every rule spelling (inline egress blocks, aws.ec2.SecurityGroupRule of type
 * egress, aws.vpc.SecurityGroupEgressRule). Advisory: many workloads need some internet egress;
 * the fix is to name the ports (443) or destinations (prefix lists, VPC endpoints).
 */
import { withAwsDefault } from "../lib/awsdefault";
import { describeSource } from "../lib/cidr";
import { reachesAllPorts } from "../lib/exposure";
import { resourcePolicy } from "../lib/policy";
import { describeRule, RULE_TYPES, rulesOf } from "../lib/sgrules";
import { UNKNOWN } from "../lib/values";
import { SG_DOCS } from "./worldIngress";

export const securityGroupNoUnrestrictedEgress = withAwsDefault(resourcePolicy({
    name: "ec2-security-group-no-unrestricted-egress",
    description: "No security-group egress rule allows every protocol or every port to 0.0.0.0/0, ::/0 or another internet-wide range; outbound traffic names its ports or destinations.",
    severity: "low",
    enforcementLevel: "advisory",
    frameworks: [],
    topics: ["network"],
    resourceTypes: RULE_TYPES,
    remediation: "Allow egress only on the ports the workload uses (e.g. TCP 443) or to prefix lists and VPC endpoints of the services it calls.",
    url: SG_DOCS,
    check(r, _config, report) {
        const rules = rulesOf(r.type, r.props);
        if (rules === UNKNOWN) return report.unknown("whether the group allows all outbound traffic", "egress");
        for (const rule of rules) {
            if (rule.direction === "ingress") continue;
            const hit = reachesAllPorts(rule);
            if (hit === false || hit === undefined) continue;
            const open = rule.peers.filter((p) => p.kind === "cidr" && p.exposure !== "restricted");
            if (open.length === 0) {
                const unknownPeer = rule.peers.find((p) => p.kind === "unknown");
                if (unknownPeer !== undefined && unknownPeer.kind === "unknown") report.unknown("whether the rule allows all outbound traffic to the internet", unknownPeer.field);
                continue;
            }
            if (hit === UNKNOWN || rule.direction === UNKNOWN) {
                report.unknown("whether the rule allows all outbound traffic", rule.direction === UNKNOWN ? "type" : `${rule.location === "" ? "" : `${rule.location}.`}protocol`);
                continue;
            }
            for (const peer of open) {
                if (peer.kind !== "cidr") continue;
                report.violation(`${describeRule(rule)} allows all outbound traffic to ${describeSource(peer.cidr)}, so a compromised workload can reach any host and port on the internet (exfiltration, command and control). `
                    + "Allow only the ports it uses (e.g. TCP 443) or the prefix lists and VPC endpoints of the services it calls.");
            }
        }
    },
}), {
    behaviour: "A security group created through the API (and so by Pulumi, whose provider removes the default rule) has no egress rule unless the program adds one; the console's default allows all outbound traffic.",
    source: "https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html",
    checked: "2026-12-04",
});

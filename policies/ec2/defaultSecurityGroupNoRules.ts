import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { UNKNOWN, list } from "../lib/values";

const DSG = "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup";

export const defaultSecurityGroupNoRules = withAwsDefault(resourcePolicy({
    name: "ec2-default-security-group-no-rules",
    description: "The default security group of a VPC, where the program adopts it, allows no traffic (no ingress or egress rules), so nothing placed in it by accident is reachable.",
    severity: "medium",
    enforcementLevel: "advisory",
    frameworks: [{ framework: "fsbp", control: "EC2.2" }],
    topics: ["network"],
    resourceTypes: [DSG],
    remediation: "Adopt the default security group with no ingress and no egress rules; give resources their own groups.",
    url: "https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html",
    check(r, _config, report) {
        for (const direction of ["ingress", "egress"] as const) {
            const rules = list(r.props[direction]);
            if (rules === UNKNOWN) report.unknown("whether the default security group allows traffic", direction);
            else if (rules !== undefined && rules.length > 0) {
                report.violation(`${direction} has ${rules.length} rule(s), so anything left in the VPC's default security group gets that traffic. Remove the rules (ingress: [], egress: []) and give resources their own groups.`);
            }
        }
        
    },
}), {
    behaviour: "AWS creates every VPC's default security group allowing all traffic between its members and all egress; adopting it in the provider with no rules removes them.",
    source: "https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html",
    checked: "2026-12-04",
});

import { resourcePolicy, type ResourceView } from "../lib/policy";
import { at, bool, pathText, type Rec, records, UNKNOWN } from "../lib/values";
import { LAUNCH_CONFIGURATION, LAUNCH_TEMPLATE } from "./shared";

function publicIpFlags(r: ResourceView): { field: string; value: unknown }[] {
    if (r.type === LAUNCH_CONFIGURATION) return [{ field: "associatePublicIpAddress", value: r.props.associatePublicIpAddress }];
    const nics = records(r.props.networkInterfaces);
    if (nics === UNKNOWN) return [{ field: "networkInterfaces", value: UNKNOWN }];
    return (nics ?? []).map((n, i) => ({
        field: pathText("networkInterfaces", i, "associatePublicIpAddress"),
        value: n === UNKNOWN ? UNKNOWN : at(n as Rec | undefined, "associatePublicIpAddress"),
    }));
}

export const launchTemplateNoPublicIp = resourcePolicy({
    name: "ec2-launch-template-no-public-ip",
    description: "Launch templates and launch configurations do not give instances a public IP (instances behind a load balancer need none).",
    severity: "medium",
    enforcementLevel: "advisory",
    frameworks: [{ framework: "fsbp", control: "EC2.25" }],
    topics: ["network", "compute"],
    resourceTypes: [LAUNCH_TEMPLATE, LAUNCH_CONFIGURATION],
    remediation: "Launch into private subnets and set associatePublicIpAddress to false.",
    url: "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-25",
    check(r, _config, report) {
        for (const { field, value } of publicIpFlags(r)) {
            const on = value === UNKNOWN ? UNKNOWN : bool(value);
            if (on === UNKNOWN) report.unknown("whether instances get a public IP", field);
            else if (on === true) {
                report.violation(`${field} is true, so every instance launched from it is directly reachable from the internet. Launch into private subnets behind the load balancer and set it to false.`);
            }
        }
    },
});

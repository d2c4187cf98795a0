import { resourcePolicy } from "../lib/policy";
import { at, bool, UNKNOWN } from "../lib/values";
import { ECS_DOCS } from "./shared";

const SERVICE = "aws:ecs/service:Service";

export const serviceNoPublicIp = resourcePolicy({
    name: "ecs-service-no-public-ip",
    description: "Services run tasks without public IPs (private subnets behind the load balancer).",
    severity: "medium",
    enforcementLevel: "mandatory",
    frameworks: [{ framework: "fsbp", control: "ECS.2" }],
    topics: ["network", "containers"],
    resourceTypes: [SERVICE],
    remediation: "Run tasks in private subnets and set networkConfiguration.assignPublicIp to false.",
    url: ECS_DOCS,
    check(r, _config, report) {
        const assign = bool(at(r.props, "networkConfiguration", "assignPublicIp"));
        if (assign === UNKNOWN) report.unknown("whether tasks get a public IP", "networkConfiguration.assignPublicIp");
        else if (assign === true) {
            report.violation("networkConfiguration.assignPublicIp is true, so every task is directly reachable from the internet. Run tasks in private subnets behind the load balancer and set assignPublicIp to false.");
        }
    },
});

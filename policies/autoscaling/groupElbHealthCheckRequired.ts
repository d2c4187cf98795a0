import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkSetting } from "../lib/settings";
import { at, strings } from "../lib/values";

const ASG = "aws:autoscaling/group:Group";

export const groupElbHealthCheckRequired = withAwsDefault(resourcePolicy({
    name: "autoscaling-group-elb-health-check-required",
    description: "Auto Scaling groups behind a load balancer replace instances the load balancer finds unhealthy (healthCheckType ELB).",
    severity: "medium",
    enforcementLevel: "advisory",
    frameworks: [{ framework: "fsbp", control: "AutoScaling.1" }],
    topics: ["resilience"],
    resourceTypes: [ASG],
    remediation: "Set healthCheckType: \"ELB\" with a healthCheckGracePeriod when targetGroupArns is set.",
    url: "https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-health-checks.html",
    check(r, _config, report) {
        const targets = strings(at(r.props, "targetGroupArns"));
        const balancers = strings(at(r.props, "loadBalancers"));
        if (!targets.unknown && !balancers.unknown && targets.known.length === 0 && balancers.known.length === 0) return;
        checkSetting(r.props, report, {
            path: ["healthCheckType"], kind: "string", absent: "EC2",
            accept: (type) => type.toUpperCase() === "ELB",
            what: "whether the load balancer's health checks replace instances",
            problem: "so an instance the load balancer marks unhealthy keeps running and is never replaced",
            fix: "Set healthCheckType: \"ELB\".",
        });
    },
}), {
    behaviour: "Groups use EC2 status checks only (HealthCheckType EC2) unless ELB health checks are turned on.",
    source: "https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-health-checks.html",
    checked: "2026-12-04",
});

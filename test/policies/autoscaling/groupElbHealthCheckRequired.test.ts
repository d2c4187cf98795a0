import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { groupElbHealthCheckRequired } from "../../../policies/autoscaling/groupElbHealthCheckRequired";

describe("autoscaling-group-elb-health-check-required", () => {
    judgesSetting(groupElbHealthCheckRequired, {
        type: "aws:autoscaling/group:Group",
        name: "app",
        base: { minSize: 2, maxSize: 4, vpcZoneIdentifiers: [UNKNOWN, UNKNOWN], launchTemplate: { id: UNKNOWN, version: "$Latest" }, targetGroupArns: [UNKNOWN] },
        passes: {
        "ELB health checks": { healthCheckType: "ELB" },
        "a group behind no load balancer": { targetGroupArns: [] },
    },
        fails: {
        "EC2 health checks behind a target group": { healthCheckType: "EC2" },
    },
        absent: "fails",
        unknown: { healthCheckType: UNKNOWN },
        mentions: ["healthCheckType"],
    });
});

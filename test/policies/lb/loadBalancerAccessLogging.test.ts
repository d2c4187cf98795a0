import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { loadBalancerAccessLogging } from "../../../policies/lb/loadBalancerAccessLogging";

describe("lb-load-balancer-access-logging", () => {
    judgesSetting(loadBalancerAccessLogging, {
        type: "aws:alb/loadBalancer:LoadBalancer",
        name: "web",
        base: { loadBalancerType: "application", subnets: [UNKNOWN, UNKNOWN] },
        passes: {
        "access logs on": { accessLogs: { bucket: UNKNOWN, enabled: true } },
    },
        fails: {
        "a bucket named but logging left off": { accessLogs: { bucket: "logs" } },
        "enabled: false": { accessLogs: { bucket: "logs", enabled: false } },
    },
        absent: "fails",
        unknown: { accessLogs: UNKNOWN },
        mentions: ["accessLogs.enabled"],
    });
});

import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { targetGroupHealthCheckEnabled } from "../../../policies/lb/targetGroupHealthCheckEnabled";

describe("lb-target-group-health-check-enabled", () => {
    judgesSetting(targetGroupHealthCheckEnabled, {
        type: "aws:lb/targetGroup:TargetGroup",
        name: "app",
        base: { port: 5000, protocol: "HTTP", vpcId: UNKNOWN },
        passes: {
        "a health check on /health": { healthCheck: { enabled: true, path: "/health" } },
    },
        fails: {
        "health checks off": { healthCheck: { enabled: false } },
    },
        absent: "passes",
        unknown: { healthCheck: UNKNOWN },
        mentions: ["healthCheck.enabled is false"],
    });
});

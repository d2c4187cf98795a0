import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { loadBalancerCrossZoneEnabled } from "../../../policies/lb/loadBalancerCrossZoneEnabled";

describe("lb-load-balancer-cross-zone-enabled", () => {
    judgesSetting(loadBalancerCrossZoneEnabled, {
        type: "aws:lb/loadBalancer:LoadBalancer",
        name: "mtls",
        base: { loadBalancerType: "network" },
        passes: {
        "cross-zone on": { enableCrossZoneLoadBalancing: true },
        "an application load balancer": { loadBalancerType: "application" },
    },
        fails: {
        "cross-zone off": { enableCrossZoneLoadBalancing: false },
    },
        absent: "fails",
        unknown: { enableCrossZoneLoadBalancing: UNKNOWN },
        mentions: ["enableCrossZoneLoadBalancing"],
    });
});

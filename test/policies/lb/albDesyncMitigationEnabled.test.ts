import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { albDesyncMitigationEnabled } from "../../../policies/lb/albDesyncMitigationEnabled";

describe("lb-alb-desync-mitigation-enabled", () => {
    judgesSetting(albDesyncMitigationEnabled, {
        type: "aws:alb/loadBalancer:LoadBalancer",
        name: "web",
        base: { loadBalancerType: "application" },
        passes: {
        "defensive": { desyncMitigationMode: "defensive" },
        "strictest": { desyncMitigationMode: "strictest" },
        "a network load balancer (no HTTP parsing)": { loadBalancerType: "network", desyncMitigationMode: "monitor" },
    },
        fails: {
        "monitor": { desyncMitigationMode: "monitor" },
    },
        absent: "passes",
        unknown: { desyncMitigationMode: UNKNOWN },
        mentions: ["desyncMitigationMode is \"monitor\""],
    });
});

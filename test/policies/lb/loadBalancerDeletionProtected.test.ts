import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { loadBalancerDeletionProtected } from "../../../policies/lb/loadBalancerDeletionProtected";

describe("lb-load-balancer-deletion-protected", () => {
    judgesSetting(loadBalancerDeletionProtected, {
        type: "aws:lb/loadBalancer:LoadBalancer",
        name: "web",
        base: { loadBalancerType: "application" },
        passes: {
        "enableDeletionProtection: true": { enableDeletionProtection: true },
    },
        fails: {
        "enableDeletionProtection: false": { enableDeletionProtection: false },
    },
        absent: "fails",
        unknown: { enableDeletionProtection: UNKNOWN },
        mentions: ["enableDeletionProtection"],
    });
});

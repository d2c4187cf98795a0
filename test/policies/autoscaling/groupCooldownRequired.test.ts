import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { groupCooldownRequired } from "../../../policies/autoscaling/groupCooldownRequired";

describe("autoscaling-group-cooldown-required", () => {
    judgesSetting(groupCooldownRequired, {
        type: "aws:autoscaling/group:Group",
        name: "app",
        base: { minSize: 2, maxSize: 4, vpcZoneIdentifiers: [UNKNOWN, UNKNOWN], launchTemplate: { id: UNKNOWN, version: "$Latest" } },
        passes: {
        "a 300-second cooldown": { defaultCooldown: 300 },
    },
        fails: {
        "no cooldown": { defaultCooldown: 0 },
    },
        absent: "passes",
        unknown: { defaultCooldown: UNKNOWN },
        mentions: ["defaultCooldown is 0"],
    });
});

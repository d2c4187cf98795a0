import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { groupTagPropagationEnabled } from "../../../policies/autoscaling/groupTagPropagationEnabled";

describe("autoscaling-group-tag-propagation-enabled", () => {
    judgesSetting(groupTagPropagationEnabled, {
        type: "aws:autoscaling/group:Group",
        name: "app",
        base: { minSize: 2, maxSize: 4, vpcZoneIdentifiers: [UNKNOWN, UNKNOWN], launchTemplate: { id: UNKNOWN, version: "$Latest" } },
        passes: {
        "propagated tags": { tags: [{ key: "project", value: "chat", propagateAtLaunch: true }] },
    },
        fails: {
        "a tag kept on the group": { tags: [{ key: "project", value: "chat", propagateAtLaunch: false }] },
    },
        absent: "passes",
        unknown: { tags: [{ key: "project", value: "chat", propagateAtLaunch: UNKNOWN }] },
        mentions: ["propagateAtLaunch"],
    });
});

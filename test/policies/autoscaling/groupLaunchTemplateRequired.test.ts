import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { groupLaunchTemplateRequired } from "../../../policies/autoscaling/groupLaunchTemplateRequired";

describe("autoscaling-group-launch-template-required", () => {
    judgesSetting(groupLaunchTemplateRequired, {
        type: "aws:autoscaling/group:Group",
        name: "app",
        base: { minSize: 2, maxSize: 4 },
        passes: {
        "a launch template": { launchTemplate: { id: UNKNOWN, version: "$Latest" } },
        "a mixed-instances policy": { mixedInstancesPolicy: { launchTemplate: { launchTemplateSpecification: { launchTemplateId: UNKNOWN } } } },
    },
        fails: {
        "a launch configuration": { launchConfiguration: "app-lc" },
    },
        absent: "passes",
        unknown: { launchTemplate: UNKNOWN },
    unknownMeans: "present",
        mentions: ["launchConfiguration"],
    });
});

import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { serviceLatestPlatformRequired } from "../../../policies/ecs/serviceLatestPlatformRequired";

describe("ecs-service-latest-platform-required", () => {
    judgesSetting(serviceLatestPlatformRequired, {
        type: "aws:ecs/service:Service",
        name: "api",
        base: { launchType: "FARGATE", desiredCount: 2 },
        passes: {
        "LATEST": { platformVersion: "LATEST" },
    },
        fails: {
        "a pinned 1.3.0": { platformVersion: "1.3.0" },
    },
        absent: "passes",
        unknown: { platformVersion: UNKNOWN },
        mentions: ["platformVersion is \"1.3.0\""],
    });
});

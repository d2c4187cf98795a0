import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { clusterContainerInsightsEnabled } from "../../../policies/ecs/clusterContainerInsightsEnabled";

describe("ecs-cluster-container-insights-enabled", () => {
    judgesSetting(clusterContainerInsightsEnabled, {
        type: "aws:ecs/cluster:Cluster",
        name: "main",
        base: { name: "chat" },
        passes: {
        "Container Insights enabled": { settings: [{ name: "containerInsights", value: "enabled" }] },
        "enhanced observability": { settings: [{ name: "containerInsights", value: "enhanced" }] },
    },
        fails: {
        "disabled": { settings: [{ name: "containerInsights", value: "disabled" }] },
    },
        absent: "fails",
        unknown: { settings: UNKNOWN },
        mentions: ["containerInsights"],
    });
});

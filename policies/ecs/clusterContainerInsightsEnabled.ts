import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { UNKNOWN, list, rec, str } from "../lib/values";

const CLUSTER = "aws:ecs/cluster:Cluster";

export const clusterContainerInsightsEnabled = withAwsDefault(resourcePolicy({
    name: "ecs-cluster-container-insights-enabled",
    description: "ECS clusters collect Container Insights metrics (setting containerInsights enabled or enhanced).",
    severity: "low",
    enforcementLevel: "advisory",
    frameworks: [{ framework: "fsbp", control: "ECS.12" }],
    topics: ["logging", "containers"],
    resourceTypes: [CLUSTER],
    remediation: "Set settings: [{ name: \"containerInsights\", value: \"enabled\" }] (CloudWatch charges per metric).",
    url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cloudwatch-container-insights.html",
    check(r, _config, report) {
        const settings = list(r.props.settings);
        if (settings === UNKNOWN) return report.unknown("whether Container Insights is on", "settings");
        for (const item of settings ?? []) {
            const setting = rec(item);
            if (setting === UNKNOWN) return report.unknown("whether Container Insights is on", "settings");
            if (setting === undefined || str(setting.name) !== "containerInsights") continue;
            const value = str(setting.value);
            if (value === UNKNOWN) return report.unknown("whether Container Insights is on", "settings[containerInsights].value");
            if (value === "enabled" || value === "enhanced") return;
            return report.violation(`settings containerInsights is ${JSON.stringify(value ?? null)}, so task and service metrics are not collected. Set settings: [{ name: "containerInsights", value: "enabled" }].`);
        }
        report.violation("settings has no containerInsights entry and AWS then leaves Container Insights off, so task and service metrics are not collected. Set settings: [{ name: \"containerInsights\", value: \"enabled\" }].");
        
    },
}), {
    behaviour: "Container Insights is off for a new cluster unless the account setting containerInsights or the cluster setting turns it on.",
    source: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cloudwatch-container-insights.html",
    checked: "2026-12-04",
});

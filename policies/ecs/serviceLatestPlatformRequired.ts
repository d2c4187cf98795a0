import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkSetting } from "../lib/settings";

const SERVICE = "aws:ecs/service:Service";

export const serviceLatestPlatformRequired = withAwsDefault(resourcePolicy({
    name: "ecs-service-latest-platform-required",
    description: "Fargate services run on the LATEST platform version, so they get the platform's security fixes.",
    severity: "low",
    enforcementLevel: "advisory",
    frameworks: [],
    topics: ["containers"],
    resourceTypes: [SERVICE],
    remediation: "Leave platformVersion out (LATEST) or set \"LATEST\".",
    url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-fargate.html",
    check(r, _config, report) {
        checkSetting(r.props, report, {
            path: ["platformVersion"], kind: "string", absent: "LATEST",
            accept: (version) => version.toUpperCase() === "LATEST",
            what: "which Fargate platform version runs the tasks",
            problem: "so tasks stay on a pinned platform without its later security fixes",
            fix: "Set platformVersion: \"LATEST\" (or leave it out).",
        });
    },
}), {
    behaviour: "Fargate tasks run on the LATEST platform version unless a version is pinned.",
    source: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-fargate.html",
    checked: "2026-12-04",
});

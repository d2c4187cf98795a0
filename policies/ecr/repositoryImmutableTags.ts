import { resourcePolicy } from "../lib/policy";
import { str, UNKNOWN } from "../lib/values";
import { ECR_DOCS, REPOSITORY } from "./shared";

const IMMUTABLE = new Set(["IMMUTABLE", "IMMUTABLE_WITH_EXCLUSION"]);

export const repositoryImmutableTags = resourcePolicy({
    name: "ecr-repository-immutable-tags",
    description: "Image tags are immutable, so a deployed tag always means the same image.",
    severity: "medium",
    // AWS's own default for this setting is the weaker one, so a plan that says nothing keeps the
    // default rather than weakening it: mandatory only where a stack config asks (policies/config/).
    enforcementLevel: "advisory",
    frameworks: [{ framework: "fsbp", control: "ECR.2" }],
    topics: ["containers", "resilience"],
    resourceTypes: [REPOSITORY],
    remediation: "Set imageTagMutability: \"IMMUTABLE\" and tag images with the commit SHA.",
    url: ECR_DOCS,
    check(r, _config, report) {
        const mode = str(r.props.imageTagMutability);
        if (mode === UNKNOWN) return report.unknown("whether image tags are immutable", "imageTagMutability");
        if (mode === undefined || !IMMUTABLE.has(mode)) {
            report.violation(`imageTagMutability is ${mode === undefined ? "not set (MUTABLE)" : `"${mode}"`}, so a push can silently replace the image a running service was deployed with. `
                + "Set imageTagMutability: \"IMMUTABLE\" and tag images with the commit SHA.");
        }
    },
});

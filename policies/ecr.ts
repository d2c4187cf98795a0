/**
 * ECR: images are scanned on push and tags are immutable.
 */
import { requireFlag } from "./lib/checks";
import { type PackPolicy, resourcePolicy } from "./lib/policy";
import { str, UNKNOWN } from "./lib/values";

export const REPOSITORY = "aws:ecr/repository:Repository";
const ECR_DOCS = "https://docs.aws.amazon.com/securityhub/latest/userguide/ecr-controls.html";

export const scanOnPush = resourcePolicy({
    name: "ecr-repository-scan-on-push",
    description: "Repositories scan every pushed image for known vulnerabilities.",
    severity: "medium",
    enforcementLevel: "mandatory",
    frameworks: [{ framework: "fsbp", control: "ECR.1" }],
    topics: ["containers"],
    resourceTypes: [REPOSITORY],
    remediation: "Set imageScanningConfiguration: { scanOnPush: true }.",
    url: ECR_DOCS,
    check(r, _config, report) {
        requireFlag(r.props, ["imageScanningConfiguration", "scanOnPush"], report, {
            what: "whether images are scanned on push",
            problem: "so pushed images are never scanned for known vulnerabilities",
            fix: "Set imageScanningConfiguration: { scanOnPush: true }.",
        });
    },
});

const IMMUTABLE = new Set(["IMMUTABLE", "IMMUTABLE_WITH_EXCLUSION"]);

export const immutableTags = resourcePolicy({
    name: "ecr-repository-immutable-tags",
    description: "Image tags are immutable, so a deployed tag always means the same image.",
    severity: "medium",
    enforcementLevel: "mandatory",
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

export const ecrPolicies: readonly PackPolicy[] = [scanOnPush, immutableTags];

import { requireFlag } from "../lib/checks";
import { resourcePolicy } from "../lib/policy";
import { ECR_DOCS, REPOSITORY } from "./shared";

export const repositoryScanOnPush = resourcePolicy({
    name: "ecr-repository-scan-on-push",
    description: "Repositories scan every pushed image for known vulnerabilities.",
    severity: "medium",
    // AWS's own default for this setting is the weaker one, so a plan that says nothing keeps the
    // default rather than weakening it: mandatory only where a stack config asks (policies/config/).
    enforcementLevel: "advisory",
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

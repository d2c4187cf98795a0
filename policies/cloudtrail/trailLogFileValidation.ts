import { requireFlag } from "../lib/checks";
import { resourcePolicy } from "../lib/policy";
import { DOCS, TRAIL } from "./shared";

export const trailLogFileValidation = resourcePolicy({
    name: "cloudtrail-trail-log-file-validation",
    description: "Trails validate log file integrity (signed digest files).",
    severity: "medium",
    enforcementLevel: "mandatory",
    frameworks: [{ framework: "fsbp", control: "CloudTrail.4" }, { framework: "cis", control: "3.2" }],
    topics: ["logging", "governance"],
    resourceTypes: [TRAIL],
    remediation: "Set enableLogFileValidation: true.",
    url: DOCS,
    check(r, _config, report) {
        requireFlag(r.props, ["enableLogFileValidation"], report, {
            what: "whether log files are validated",
            problem: "so altered or deleted log files go unnoticed",
            fix: "Set enableLogFileValidation: true.",
        });
    },
});

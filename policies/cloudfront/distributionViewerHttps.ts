import { resourcePolicy } from "../lib/policy";
import { at, pathText, records, str, UNKNOWN } from "../lib/values";
import { DISTRIBUTION } from "./shared";

const CF_DOCS = "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html";
const SECURE_VIEWER = new Set(["redirect-to-https", "https-only"]);

export const distributionViewerHttps = resourcePolicy({
    name: "cloudfront-distribution-viewer-https",
    description: "Every cache behaviour (default and ordered) makes viewers use HTTPS (redirect-to-https or https-only).",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: [{ framework: "fsbp", control: "CloudFront.3" }],
    topics: ["encryption", "network"],
    resourceTypes: [DISTRIBUTION],
    remediation: "Set viewerProtocolPolicy to \"redirect-to-https\" on every cache behaviour.",
    url: CF_DOCS,
    check(r, _config, report) {
        const behaviours: { field: string; value: unknown }[] = [{ field: "defaultCacheBehavior", value: r.props.defaultCacheBehavior }];
        const ordered = records(r.props.orderedCacheBehaviors);
        if (ordered === UNKNOWN) report.unknown("whether viewers must use HTTPS", "orderedCacheBehaviors");
        else (ordered ?? []).forEach((b, i) => behaviours.push({ field: pathText("orderedCacheBehaviors", i), value: b }));
        for (const { field, value } of behaviours) {
            if (value === undefined) continue;
            const policy = str(at(value, "viewerProtocolPolicy"));
            if (policy === UNKNOWN) report.unknown("whether viewers must use HTTPS", `${field}.viewerProtocolPolicy`);
            else if (policy === undefined || !SECURE_VIEWER.has(policy)) {
                report.violation(`${field}.viewerProtocolPolicy is ${policy === undefined ? "not set" : `"${policy}"`}, so viewers can fetch over plain HTTP. Set it to "redirect-to-https".`);
            }
        }
    },
});

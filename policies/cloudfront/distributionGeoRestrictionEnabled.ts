import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkSetting } from "../lib/settings";

const DIST = "aws:cloudfront/distribution:Distribution";

export const distributionGeoRestrictionEnabled = withAwsDefault(resourcePolicy({
    name: "cloudfront-distribution-geo-restriction-enabled",
    description: "Distributions restrict countries (geo restriction whitelist or blacklist), where the business serves only some.",
    severity: "low",
    enforcementLevel: "advisory",
    frameworks: [],
    topics: ["network"],
    resourceTypes: [DIST],
    remediation: "Set restrictions.geoRestriction: { restrictionType: \"blacklist\" (or \"whitelist\"), locations: [...] }, or geo-block in the web ACL and exempt the distribution.",
    url: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/georestrictions.html",
    check(r, _config, report) {
        checkSetting(r.props, report, {
            path: ["restrictions", "geoRestriction", "restrictionType"], kind: "string", absent: undefined,
            accept: (kind) => kind.toLowerCase() !== "none",
            what: "which countries the distribution serves",
            problem: "so every country reaches the content",
            fix: "Set restrictions.geoRestriction.restrictionType to \"blacklist\" or \"whitelist\" with locations.",
        });
    },
}), {
    behaviour: "A distribution serves every country (restrictionType none).",
    source: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/georestrictions.html",
    checked: "2026-12-04",
});

import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkFlagOn } from "../lib/settings";

const TRAIL = "aws:cloudtrail/trail:Trail";

export const trailMultiRegionEnabled = withAwsDefault(resourcePolicy({
    name: "cloudtrail-trail-multi-region-enabled",
    description: "Trails record every region (isMultiRegionTrail), so activity in a region nobody watches is still logged.",
    severity: "medium",
    enforcementLevel: "advisory",
    frameworks: [{ framework: "cis", control: "3.1" }],
    topics: ["logging"],
    resourceTypes: [TRAIL],
    remediation: "Set isMultiRegionTrail: true.",
    url: "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/receive-cloudtrail-log-files-from-multiple-regions.html",
    check(r, _config, report) {
        checkFlagOn(r.props, report, ["isMultiRegionTrail"], false, {
            what: "whether every region is recorded",
            problem: "so activity in other regions (a favourite place for crypto-mining) is not logged",
            fix: "Set isMultiRegionTrail: true.",
        });
    },
}), {
    behaviour: "A trail created through the API records only its home region unless IsMultiRegionTrail is true.",
    source: "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/receive-cloudtrail-log-files-from-multiple-regions.html",
    checked: "2026-12-04",
});

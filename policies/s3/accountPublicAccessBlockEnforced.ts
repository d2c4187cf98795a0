import { withAwsDefault } from "../lib/awsdefault";
import { ACCOUNT_PAB } from "../lib/buckets";
import { resourcePolicy } from "../lib/policy";
import { checkFlagOn } from "../lib/settings";

const FLAGS = ["blockPublicAcls", "ignorePublicAcls", "blockPublicPolicy", "restrictPublicBuckets"] as const;

export const accountPublicAccessBlockEnforced = withAwsDefault(resourcePolicy({
    name: "s3-account-public-access-block-enforced",
    description: "An account-level S3 public access block, where the program manages one, turns all four flags on, so it never weakens the account's protection of every bucket.",
    severity: "critical",
    enforcementLevel: "mandatory",
    frameworks: [{ framework: "fsbp", control: "S3.1" }],
    topics: ["data-protection", "network"],
    resourceTypes: [ACCOUNT_PAB],
    remediation: "Set blockPublicAcls, ignorePublicAcls, blockPublicPolicy and restrictPublicBuckets to true; serve public content through CloudFront with origin access control instead.",
    url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/configuring-block-public-access-account.html",
    check(r, _config, report) {
        for (const flag of FLAGS) {
            checkFlagOn(r.props, report, [flag], false, {
                what: "whether the account blocks public bucket access",
                problem: "so the account-wide block no longer stops public ACLs or policies on any bucket of the account",
                fix: `Set ${flag}: true.`,
            });
        }
    },
}), {
    behaviour: "Each flag of an account-level public access block defaults to false in the API and the provider, so a resource that leaves one out turns that protection off for the whole account.",
    source: "https://docs.aws.amazon.com/AmazonS3/latest/API/API_control_PublicAccessBlockConfiguration.html",
    checked: "2026-12-04",
});

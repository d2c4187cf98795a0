/**
 * Where ELB access logs go (pure): the log-delivery principal per region and its bucket grant.
 */
import { type Statement } from "../iam/documents";

/**
 * Regions that predate August 2022 deliver ALB access logs from a regional ELB account; newer
 * regions use the `logdelivery.elasticloadbalancing.amazonaws.com` service principal.
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html
 */
export const ELB_LOG_ACCOUNTS: Readonly<Record<string, string>> = {
    "us-east-1": "127311923021",
    "us-east-2": "033677994240",
    "us-west-1": "027434742980",
    "us-west-2": "797873946194",
    "af-south-1": "098369216593",
    "ap-east-1": "754344448648",
    "ap-southeast-3": "589379963580",
    "ap-south-1": "718504428378",
    "ap-northeast-3": "383597477331",
    "ap-northeast-2": "600734575887",
    "ap-southeast-1": "114774131450",
    "ap-southeast-2": "783225319266",
    "ap-northeast-1": "582318560864",
    "ca-central-1": "985666609251",
    "eu-central-1": "054676820928",
    "eu-west-1": "156460612806",
    "eu-west-2": "652711504416",
    "eu-south-1": "635631232127",
    "eu-west-3": "009996457667",
    "eu-north-1": "897822967062",
    "me-south-1": "076674570225",
    "sa-east-1": "507241528517",
    "us-gov-west-1": "048591011584",
    "us-gov-east-1": "190560391635",
    "cn-north-1": "638102146993",
    "cn-northwest-1": "037604701340",
};

/** The AWS partition of a region: aws-cn for China, aws-us-gov for GovCloud, aws elsewhere. */
export function partitionOfRegion(region: string): string {
    if (region.startsWith("cn-")) return "aws-cn";
    if (region.startsWith("us-gov-")) return "aws-us-gov";
    return "aws";
}

/** The key prefix ELB writes under: `<prefix>/AWSLogs/<account>/`, as a suffix of the bucket ARN. */
export function accessLogObjectsSuffix(prefix: string, accountId: string): string {
    return `/${prefix}/AWSLogs/${accountId}/*`;
}

/**
 * The bucket-policy statement that lets ELB (and nothing else) write this account's access
 * logs: `logObjectsArn` is `<bucket ARN>` + accessLogObjectsSuffix(...).
 */
export function elbLogDeliveryStatement<A>(logObjectsArn: A, region: string): Statement<A | string> {
    const elbAccount = ELB_LOG_ACCOUNTS[region];
    return {
        Sid: "ElbWritesAccessLogs",
        Effect: "Allow",
        Principal: elbAccount !== undefined
            ? { AWS: `arn:${partitionOfRegion(region)}:iam::${elbAccount}:root` }
            : { Service: "logdelivery.elasticloadbalancing.amazonaws.com" },
        Action: ["s3:PutObject"],
        Resource: [logObjectsArn],
    };
}

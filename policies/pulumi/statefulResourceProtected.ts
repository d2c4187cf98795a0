import { resourcePolicy } from "../lib/policy";
import { bool, str, UNKNOWN } from "../lib/values";

/** Stateful type → the service's own deletion-protection input and the value that turns it on. */
const STATEFUL: Readonly<Record<string, { field: string; on: boolean | string } | undefined>> = {
    "aws:s3/bucket:Bucket": undefined,
    "aws:s3/bucketV2:BucketV2": undefined,
    "aws:rds/instance:Instance": { field: "deletionProtection", on: true },
    "aws:rds/cluster:Cluster": { field: "deletionProtection", on: true },
    "aws:dynamodb/table:Table": { field: "deletionProtectionEnabled", on: true },
    "aws:elasticache/replicationGroup:ReplicationGroup": undefined,
    "aws:elasticache/cluster:Cluster": undefined,
    "aws:elasticache/serverlessCache:ServerlessCache": undefined,
    "aws:efs/fileSystem:FileSystem": undefined,
    "aws:cognito/userPool:UserPool": { field: "deletionProtection", on: "ACTIVE" },
};

export const statefulResourceProtected = resourcePolicy({
    name: "pulumi-stateful-resource-protected",
    description: "Stateful resources (buckets, databases, tables, caches, file systems, user pools) are protected (protect: true) or use the service's deletion protection.",
    severity: "high",
    // A Pulumi practice, not an AWS setting: mandatory where a stack config asks (staging, prod,
    // enterprise), advisory for a program without one (a template's bucket).
    enforcementLevel: "advisory",
    frameworks: [],
    topics: ["resilience", "data-protection"],
    resourceTypes: Object.keys(STATEFUL),
    remediation: "Pass { protect: true } in the resource options (components pass it to their stateful children).",
    url: "https://www.pulumi.com/docs/iac/concepts/options/protect/",
    check(r, _config, report) {
        if (r.opts.protect) return;
        const native = STATEFUL[r.type];
        if (native !== undefined) {
            const raw = r.props[native.field];
            const value = typeof native.on === "boolean" ? bool(raw) : str(raw);
            if (value === native.on) return;
            if (value === UNKNOWN) return report.unknown("whether the resource is protected from deletion", native.field);
        }
        const alt = native === undefined ? "" : `, or set ${native.field}: ${JSON.stringify(native.on)}`;
        report.violation(`holds data but is not protected, so \`pulumi destroy\` or a change that forces replacement would delete it. Pass { protect: true } in its resource options${alt}.`);
    },
});

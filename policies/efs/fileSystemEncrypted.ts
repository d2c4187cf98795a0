import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkFlagOn } from "../lib/settings";

const FILE_SYSTEM = "aws:efs/fileSystem:FileSystem";

export const fileSystemEncrypted = withAwsDefault(resourcePolicy({
    name: "efs-file-system-encrypted",
    description: "EFS file systems encrypt data at rest (encrypted: true).",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: [{ framework: "fsbp", control: "EFS.1" }],
    topics: ["encryption", "data-protection"],
    resourceTypes: [FILE_SYSTEM],
    remediation: "Set encrypted: true (kmsKeyId for a customer-managed key); an existing file system is encrypted by copying into a new one.",
    url: "https://docs.aws.amazon.com/efs/latest/ug/encryption-at-rest.html",
    check(r, _config, report) {
        checkFlagOn(r.props, report, ["encrypted"], false, {
            what: "whether the file system is encrypted at rest",
            problem: "so files are stored unencrypted",
            fix: "Set encrypted: true.",
        });
    },
}), {
    behaviour: "The CreateFileSystem API leaves a file system unencrypted unless Encrypted is true (only the console encrypts by default).",
    source: "https://docs.aws.amazon.com/efs/latest/ug/API_CreateFileSystem.html",
    checked: "2026-12-04",
});

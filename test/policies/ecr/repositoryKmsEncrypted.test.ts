import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { repositoryKmsEncrypted } from "../../../policies/ecr/repositoryKmsEncrypted";

describe("ecr-repository-kms-encrypted", () => {
    judgesSetting(repositoryKmsEncrypted, {
        type: "aws:ecr/repository:Repository",
        name: "api",
        base: { imageTagMutability: "IMMUTABLE" },
        passes: {
        "KMS": { encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: UNKNOWN }] },
    },
        fails: {
        "AES256": { encryptionConfigurations: [{ encryptionType: "AES256" }] },
    },
        absent: "fails",
        unknown: { encryptionConfigurations: UNKNOWN },
        mentions: ["encryptionType"],
    });
});

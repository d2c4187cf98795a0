import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { fileSystemEncrypted } from "../../../policies/efs/fileSystemEncrypted";

describe("efs-file-system-encrypted", () => {
    judgesSetting(fileSystemEncrypted, {
        type: "aws:efs/fileSystem:FileSystem",
        name: "shared",
        base: { performanceMode: "generalPurpose" },
        passes: {
        "an encrypted file system": { encrypted: true },
    },
        fails: {
        "encrypted: false": { encrypted: false },
    },
        absent: "fails",
        unknown: { encrypted: UNKNOWN },
        mentions: ["encrypted", "encrypted: true"],
    });
});

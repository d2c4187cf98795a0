import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { recorderAllResourcesEnabled } from "../../../policies/cfg/recorderAllResourcesEnabled";

describe("cfg-recorder-all-resources-enabled", () => {
    judgesSetting(recorderAllResourcesEnabled, {
        type: "aws:cfg/recorder:Recorder",
        name: "config",
        base: { roleArn: UNKNOWN },
        passes: {
        "all supported types": { recordingGroup: { allSupported: true } },
    },
        fails: {
        "a resource list": { recordingGroup: { allSupported: false, resourceTypes: ["AWS::S3::Bucket"] } },
    },
        absent: "passes",
        unknown: { recordingGroup: UNKNOWN },
        mentions: ["recordingGroup.allSupported is false"],
    });
});

import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { recorderGlobalResourcesEnabled } from "../../../policies/cfg/recorderGlobalResourcesEnabled";

describe("cfg-recorder-global-resources-enabled", () => {
    judgesSetting(recorderGlobalResourcesEnabled, {
        type: "aws:cfg/recorder:Recorder",
        name: "config",
        base: { roleArn: UNKNOWN },
        passes: {
        "global types recorded": { recordingGroup: { allSupported: true, includeGlobalResourceTypes: true } },
    },
        fails: {
        "global types left out": { recordingGroup: { allSupported: true, includeGlobalResourceTypes: false } },
    },
        absent: "fails",
        unknown: { recordingGroup: UNKNOWN },
        mentions: ["includeGlobalResourceTypes"],
    });
});

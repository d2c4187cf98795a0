import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { launchTemplateMetadataHopLimitEnforced } from "../../../policies/ec2/launchTemplateMetadataHopLimitEnforced";

describe("ec2-launch-template-metadata-hop-limit-enforced", () => {
    judgesSetting(launchTemplateMetadataHopLimitEnforced, {
        type: "aws:ec2/launchTemplate:LaunchTemplate",
        name: "app",
        base: { imageId: "ami-0123456789abcdef0", metadataOptions: { httpTokens: "required" } },
        passes: {
        "a hop limit of 1": { metadataOptions: { httpTokens: "required", httpPutResponseHopLimit: 1 } },
    },
        fails: {
        "a hop limit of 3": { metadataOptions: { httpTokens: "required", httpPutResponseHopLimit: 3 } },
    },
        absent: "passes",
        unknown: { metadataOptions: { httpTokens: "required", httpPutResponseHopLimit: UNKNOWN } },
        mentions: ["metadataOptions.httpPutResponseHopLimit is 3"],
    });
});

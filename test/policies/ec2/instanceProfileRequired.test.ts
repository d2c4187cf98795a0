import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { instanceProfileRequired } from "../../../policies/ec2/instanceProfileRequired";

describe("ec2-instance-profile-required", () => {
    judgesSetting(instanceProfileRequired, {
        type: "aws:ec2/instance:Instance",
        name: "app",
        base: { ami: "ami-0123456789abcdef0", instanceType: "t3.micro" },
        passes: {
        "an instance profile": { iamInstanceProfile: "app-profile" },
    },
        fails: {
        "an empty profile name": { iamInstanceProfile: "" },
    },
        absent: "fails",
        unknown: { iamInstanceProfile: UNKNOWN },
    unknownMeans: "present",
        mentions: ["iamInstanceProfile"],
    });
});

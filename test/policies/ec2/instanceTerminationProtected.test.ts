import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { instanceTerminationProtected } from "../../../policies/ec2/instanceTerminationProtected";

describe("ec2-instance-termination-protected", () => {
    judgesSetting(instanceTerminationProtected, {
        type: "aws:ec2/instance:Instance",
        name: "app",
        base: { ami: "ami-0123456789abcdef0", instanceType: "t3.micro" },
        passes: {
        "disableApiTermination: true": { disableApiTermination: true },
    },
        fails: {
        "disableApiTermination: false": { disableApiTermination: false },
    },
        absent: "fails",
        unknown: { disableApiTermination: UNKNOWN },
        mentions: ["disableApiTermination"],
    });
});

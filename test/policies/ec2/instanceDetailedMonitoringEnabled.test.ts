import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { instanceDetailedMonitoringEnabled } from "../../../policies/ec2/instanceDetailedMonitoringEnabled";

describe("ec2-instance-detailed-monitoring-enabled", () => {
    judgesSetting(instanceDetailedMonitoringEnabled, {
        type: "aws:ec2/instance:Instance",
        name: "app",
        base: { ami: "ami-0123456789abcdef0", instanceType: "t3.micro" },
        passes: {
        "monitoring: true": { monitoring: true },
    },
        fails: {
        "monitoring: false": { monitoring: false },
    },
        absent: "fails",
        unknown: { monitoring: UNKNOWN },
        mentions: ["monitoring"],
    });
});

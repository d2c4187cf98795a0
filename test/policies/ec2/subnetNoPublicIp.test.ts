import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { subnetNoPublicIp } from "../../../policies/ec2/subnetNoPublicIp";

describe("ec2-subnet-no-public-ip", () => {
    judgesSetting(subnetNoPublicIp, {
        type: "aws:ec2/subnet:Subnet",
        name: "public-a",
        base: { vpcId: UNKNOWN, cidrBlock: "10.0.0.0/24" },
        passes: {
        "mapPublicIpOnLaunch: false": { mapPublicIpOnLaunch: false },
    },
        fails: {
        "mapPublicIpOnLaunch: true": { mapPublicIpOnLaunch: true },
    },
        absent: "passes",
        unknown: { mapPublicIpOnLaunch: UNKNOWN },
        mentions: ["mapPublicIpOnLaunch is true"],
    });
});

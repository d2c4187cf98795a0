import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkFlagOff } from "../lib/settings";

const SUBNET = "aws:ec2/subnet:Subnet";

export const subnetNoPublicIp = withAwsDefault(resourcePolicy({
    name: "ec2-subnet-no-public-ip",
    description: "Subnets do not give every instance launched in them a public IP (mapPublicIpOnLaunch).",
    severity: "medium",
    enforcementLevel: "advisory",
    frameworks: [{ framework: "fsbp", control: "EC2.15" }],
    topics: ["network"],
    resourceTypes: [SUBNET],
    remediation: "Set mapPublicIpOnLaunch: false (the default); give a public address only to what must have one (an Elastic IP, a load balancer).",
    url: "https://docs.aws.amazon.com/vpc/latest/userguide/subnet-public-ip.html",
    check(r, _config, report) {
        checkFlagOff(r.props, report, ["mapPublicIpOnLaunch"], false, {
            what: "whether instances get a public IP",
            problem: "so every instance launched in the subnet gets a public IPv4 address",
            fix: "Set mapPublicIpOnLaunch: false.",
        });
    },
}), {
    behaviour: "A subnet created through the API does not assign public IPv4 addresses on launch (MapPublicIpOnLaunch false); the default VPC's subnets do.",
    source: "https://docs.aws.amazon.com/vpc/latest/userguide/subnet-public-ip.html",
    checked: "2026-12-04",
});

import { guardedPortPolicy } from "./guardedPorts";

export const securityGroupNoPublicRdp = guardedPortPolicy({
    name: "ec2-security-group-no-public-rdp",
    description: "No security-group rule opens RDP (TCP/UDP 3389) to 0.0.0.0/0, ::/0 or another internet-wide range, in any rule spelling.",
    guard: { port: 3389, protocols: ["tcp", "udp"], label: "RDP (port 3389)" },
    control: "EC2.14",
    cis: "5.2",
    fix: "Allow RDP only from an admin CIDR, or remove the rule and use SSM Fleet Manager.",
});

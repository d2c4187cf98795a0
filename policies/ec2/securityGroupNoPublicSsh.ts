import { guardedPortPolicy } from "./guardedPorts";

export const securityGroupNoPublicSsh = guardedPortPolicy({
    name: "ec2-security-group-no-public-ssh",
    description: "No security-group rule opens SSH (TCP 22) to 0.0.0.0/0, ::/0 or another internet-wide range, in any rule spelling.",
    guard: { port: 22, protocols: ["tcp"], label: "SSH (TCP port 22)" },
    control: "EC2.13",
    cis: "5.2",
    fix: "Allow SSH only from an admin CIDR (for example 203.0.113.10/32), or remove the rule and use SSM Session Manager.",
});

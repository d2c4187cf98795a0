import * as assert from "node:assert/strict";
import { launchTemplateNoPublicIp } from "../../../policies/ec2/launchTemplateNoPublicIp";
import { T } from "../helpers/fixtures";
import { details, UNKNOWN } from "../helpers/server";
import { check } from "./helpers";

describe("ec2-launch-template-no-public-ip", () => {
    it("accepts templates without public IPs", () => {
        assert.deepEqual(check(launchTemplateNoPublicIp, T.launchTemplate, { networkInterfaces: [{ associatePublicIpAddress: "false" }] }), []);
        assert.deepEqual(check(launchTemplateNoPublicIp, T.launchTemplate, {}), []);
    });
    it("flags a template network interface with a public IP", () => {
        assert.deepEqual(details(check(launchTemplateNoPublicIp, T.launchTemplate, { networkInterfaces: [{ associatePublicIpAddress: "true" }] })),
            ["web-sg: networkInterfaces[0].associatePublicIpAddress is true, so every instance launched from it is directly reachable from the internet. Launch into private subnets behind the load balancer and set it to false."]);
    });
    it("flags a launch configuration with a public IP", () => {
        assert.equal(check(launchTemplateNoPublicIp, T.launchConfiguration, { associatePublicIpAddress: true }).length, 1);
    });
    it("notes unknown network interfaces", () => {
        assert.equal(check(launchTemplateNoPublicIp, T.launchTemplate, { networkInterfaces: UNKNOWN })[0].enforcementLevel, "advisory");
    });
    it("does not judge instances (the single host's Elastic IP is deliberate)", () => {
        assert.deepEqual(check(launchTemplateNoPublicIp, T.instance, { associatePublicIpAddress: true }), []);
    });
});

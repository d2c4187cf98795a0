import * as assert from "node:assert/strict";
import { vpcFlowLogging as policy } from "../../../policies/ec2/vpcFlowLogging";
import { res } from "../helpers/fixtures";
import { runStack, UNKNOWN, urnOf } from "../helpers/server";

const VPC = "aws:ec2/vpc:Vpc";
const FLOW_LOG = "aws:ec2/flowLog:FlowLog";
const flowLog = (name: string, vpc: string) => res(FLOW_LOG, name, { vpcId: UNKNOWN, trafficType: "ALL" }, { propertyDependencies: { vpcId: [vpc] } });

describe("ec2-vpc-flow-logging", () => {
    it("accepts a VPC with a flow log linked by property dependency (preview) or by id (apply)", () => {
        assert.deepEqual(runStack(policy, [res(VPC, "main", { cidrBlock: "10.0.0.0/16" }), flowLog("main-flow", "main")]), []);
        assert.deepEqual(runStack(policy, [res(VPC, "main", { id: "vpc-0abc" }), res(FLOW_LOG, "main-flow", { vpcId: "vpc-0abc" })]), []);
    });
    it("flags, as advisory, a VPC without a flow log, on the VPC", () => {
        const diags = runStack(policy, [res(VPC, "main", {}), res(VPC, "other", {}), flowLog("other-flow", "other")]);
        assert.deepEqual(diags.map((d) => [d.urn, d.enforcementLevel]), [[urnOf({ type: VPC, name: "main" }), "advisory"]]);
        assert.match(diags[0].detail, /^main: has no flow log \(no aws\.ec2\.FlowLog names it in vpcId\), and AWS records none by default/);
    });
    it("does not take a flow log of another VPC (known id) for this one", () => {
        assert.equal(runStack(policy, [res(VPC, "main", { id: "vpc-0abc" }), res(FLOW_LOG, "f", { vpcId: "vpc-0def" })], { level: "mandatory" }).filter((d) => d.enforcementLevel === "mandatory").length, 1);
    });
    it("notes, never fails, a VPC while a flow log's vpcId is unknown and untraceable", () => {
        const diags = runStack(policy, [res(VPC, "main", {}), res(FLOW_LOG, "f", { vpcId: UNKNOWN }, { propertyDependencies: { vpcId: [] } })], { level: "mandatory" });
        assert.deepEqual(diags.map((d) => d.enforcementLevel), ["advisory"]);
        assert.match(diags[0].detail, /^main: f\.vpcId is not known during preview, so whether the VPC has a flow log cannot be checked yet/);
    });
});

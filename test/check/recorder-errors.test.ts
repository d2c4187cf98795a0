// The recording monitor's own errors (what the engine would reject) reach the run through the
// listener, not only through the SDK's callback: a program that does not await the operation
// would otherwise lose them and the check would pass with resources missing.
import * as assert from "node:assert/strict";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import * as resproto from "@pulumi/pulumi/proto/resource_pb";
import { MockMonitor } from "@pulumi/pulumi/runtime/mocks";
import { Struct, Value } from "google-protobuf/google/protobuf/struct_pb";
import { createRecorder, EngineError, type SdkModules } from "../../tools/check/engine/recorder";
import { SECRET_SIG, SIG_KEY } from "../../tools/check/engine/wire";

const SDK = {
    MockMonitor,
    Struct,
    Value,
    RegisterResourceResponse: resproto.RegisterResourceResponse,
    ReadResourceResponse: resproto.ReadResourceResponse,
    InvokeResponse: provproto.InvokeResponse,
} as unknown as SdkModules;

interface Monitor {
    registerResource(req: resproto.RegisterResourceRequest, cb: (err: Error | null) => void): Promise<void>;
    readResource(req: resproto.ReadResourceRequest, cb: (err: Error | null) => void): Promise<void>;
    registerResourceOutputs(req: resproto.RegisterResourceOutputsRequest, cb: (err: Error | null) => void): void;
    invoke(req: resproto.ResourceInvokeRequest, cb: (err: Error | null) => void): Promise<void>;
    call(req: resproto.ResourceCallRequest, cb: (err: Error | null) => void): void;
}

function setup() {
    const errors: EngineError[] = [];
    const recorder = createRecorder(SDK, { project: "p", stack: "s", preview: true, region: "us-east-1", accountId: "123456789012" }, {
        resource: () => undefined,
        outputs: () => undefined,
        error: (err) => errors.push(err),
    });
    const monitor = recorder.monitor as Monitor;
    const call = <R>(fn: (cb: (err: Error | null) => void) => unknown) =>
        new Promise<Error | null>((resolve) => {
            void fn((err) => resolve(err));
        }) as Promise<Error | null> & R;
    return { errors, monitor, call };
}

function registration(type: string, name: string): resproto.RegisterResourceRequest {
    const req = new resproto.RegisterResourceRequest();
    req.setType(type);
    req.setName(name);
    req.setCustom(true);
    req.setObject(Struct.fromJavaScript({ size: 1 }));
    return req;
}

describe("check: the recording monitor's engine errors", () => {
    it("reports a second registration of a URN to the run, not only to the SDK", async () => {
        const { errors, monitor, call } = setup();
        assert.equal(await call((cb) => monitor.registerResource(registration("t:index:Thing", "a"), cb)), null);
        const err = await call((cb) => monitor.registerResource(registration("t:index:Thing", "a"), cb));
        assert.match(String(err), /Duplicate resource URN 'urn:pulumi:s::p::t:index:Thing::a'/);
        assert.equal(errors.length, 1);
        assert.equal(errors[0], err);
    });

    it("reports a read whose URN is already registered", async () => {
        const { errors, monitor, call } = setup();
        await call((cb) => monitor.registerResource(registration("t:index:Thing", "a"), cb));
        const read = new resproto.ReadResourceRequest();
        read.setType("t:index:Thing");
        read.setName("a");
        read.setId("a-1");
        await call((cb) => monitor.readResource(read, cb));
        assert.equal(errors.length, 1);
        assert.match(errors[0].message, /Duplicate resource URN 'urn:pulumi:s::p::t:index:Thing::a'/);
    });

    it("reports outputs registered for a resource that was never registered", async () => {
        const { errors, monitor, call } = setup();
        const req = new resproto.RegisterResourceOutputsRequest();
        req.setUrn("urn:pulumi:s::p::t:index:Component::ghost");
        req.setOutputs(Struct.fromJavaScript({ a: 1 }));
        const err = await call((cb) => monitor.registerResourceOutputs(req, cb));
        assert.ok(err instanceof EngineError);
        assert.equal(errors.length, 1);
        assert.match(errors[0].message, /outputs registered for an unknown resource urn:pulumi:s::p::t:index:Component::ghost/);
    });

    it("reports an invoke without an offline answer with its token and arguments, secrets hidden", async () => {
        const { errors, monitor, call } = setup();
        const req = new resproto.ResourceInvokeRequest();
        req.setTok("aws:rds/getCluster:getCluster");
        req.setArgs(Struct.fromJavaScript({ clusterIdentifier: "main", password: { [SIG_KEY]: SECRET_SIG, value: "hunter2" } }));
        await call((cb) => monitor.invoke(req, cb));
        assert.equal(errors.length, 1);
        assert.match(errors[0].message, /^invoke aws:rds\/getCluster:getCluster\(\{"clusterIdentifier":"main","password":"\[secret\]"\}\) has no offline answer/);
        assert.doesNotMatch(errors[0].message, /hunter2/);
    });

    it("reports a method call on a resource, which no provider plugin answers offline", async () => {
        const { errors, monitor, call } = setup();
        const req = new resproto.ResourceCallRequest();
        req.setTok("awsx:ec2:Vpc/getSubnets");
        req.setArgs(Struct.fromJavaScript({ type: "private" }));
        const err = await call((cb) => monitor.call(req, cb));
        assert.ok(err);
        assert.equal(errors.length, 1);
        assert.match(errors[0].message, /^method call awsx:ec2:Vpc\/getSubnets\(\{"type":"private"\}\) has no offline answer/);
    });
});

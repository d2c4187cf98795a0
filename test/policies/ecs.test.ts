import * as assert from "node:assert/strict";
import { serviceNoPublicIp } from "../../policies/ecs/serviceNoPublicIp";
import { taskDefinitionLoggingRequired } from "../../policies/ecs/taskDefinitionLoggingRequired";
import { taskDefinitionNoPrivilegedContainers } from "../../policies/ecs/taskDefinitionNoPrivilegedContainers";
import { taskDefinitionNoSecretsInEnvironment } from "../../policies/ecs/taskDefinitionNoSecretsInEnvironment";
import { res, T } from "./helpers/fixtures";
import { advisory, details, runResource, UNKNOWN } from "./helpers/server";

const LOGS = { logDriver: "awslogs", options: { "awslogs-group": "/ecs/api", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "api" } };
const task = (...containers: Record<string, unknown>[]) => res(T.taskDefinition, "api", { family: "api", containerDefinitions: JSON.stringify(containers) });

describe("ecs-task-definition-no-privileged-containers", () => {
    it("accepts unprivileged containers", () => {
        assert.deepEqual(runResource(taskDefinitionNoPrivilegedContainers, task({ name: "api", image: "api:1", logConfiguration: LOGS })), []);
    });
    it("flags a privileged container, naming it", () => {
        assert.deepEqual(details(runResource(taskDefinitionNoPrivilegedContainers, task({ name: "api", image: "api:1", privileged: true }))),
            ["api: container \"api\" sets privileged: true, which gives it root on the host. Remove privileged and add only the Linux capabilities it needs (linuxParameters.capabilities.add)."]);
    });
    it("flags host PID and IPC namespaces", () => {
        assert.equal(runResource(taskDefinitionNoPrivilegedContainers, res(T.taskDefinition, "t", { pidMode: "host", ipcMode: "host", containerDefinitions: "[]" })).length, 2);
    });
    it("notes container definitions that are unknown during preview", () => {
        const d = runResource(taskDefinitionNoPrivilegedContainers, res(T.taskDefinition, "api", { containerDefinitions: UNKNOWN }));
        assert.deepEqual(details(d), ["api: containerDefinitions is not known during preview, so whether a container runs privileged cannot be checked yet. The policy checks the real value once it is known, during `pulumi up`."]);
    });
});

describe("ecs-task-definition-logging-required", () => {
    it("accepts containers that ship logs", () => {
        assert.deepEqual(runResource(taskDefinitionLoggingRequired, task({ name: "api", logConfiguration: LOGS }, { name: "nginx", logConfiguration: LOGS })), []);
    });
    it("flags a container without log configuration", () => {
        assert.match(details(runResource(taskDefinitionLoggingRequired, task({ name: "api", logConfiguration: LOGS }, { name: "sidecar" })))[0], /^api: container "sidecar" has no logConfiguration/);
    });
});

describe("ecs-task-definition-no-secrets-in-environment", () => {
    it("accepts plain settings in the environment and secrets by reference", () => {
        assert.deepEqual(runResource(taskDefinitionNoSecretsInEnvironment, task({
            name: "api", environment: [{ name: "PORT", value: "5000" }], secrets: [{ name: "DB_PASSWORD", valueFrom: "arn:aws:secretsmanager:us-east-1:1:secret:db" }],
        })), []);
    });
    it("flags a secret-named variable with a literal value, without printing it", () => {
        const d = runResource(taskDefinitionNoSecretsInEnvironment, task({ name: "api", environment: [{ name: "DB_PASSWORD", value: "hunter2hunter2" }] }));
        assert.deepEqual(details(d), ["api: container \"api\" passes a literal secret value in the environment variable DB_PASSWORD, visible to anyone who can describe the task definition. "
            + "Store it in Secrets Manager or SSM Parameter Store and reference it in secrets: [{ name: \"DB_PASSWORD\", valueFrom: <secret ARN> }]."]);
        assert.doesNotMatch(d[0].message, /hunter2/);
    });
    it("flags a token-shaped value under any name", () => {
        assert.match(details(runResource(taskDefinitionNoSecretsInEnvironment, task({ name: "api", environment: [{ name: "CONFIG", value: "AKIAABCDEFGHIJKLMNOP" }] })))[0], /an AWS access key id/);
    });
});

describe("ecs-service-no-public-ip", () => {
    it("accepts tasks without public IPs", () => {
        assert.deepEqual(runResource(serviceNoPublicIp, res(T.ecsService, "api", { networkConfiguration: { subnets: [UNKNOWN], assignPublicIp: false } })), []);
    });
    it("flags tasks with public IPs", () => {
        assert.match(details(runResource(serviceNoPublicIp, res(T.ecsService, "api", { networkConfiguration: { subnets: ["s"], assignPublicIp: true } })))[0], /^api: networkConfiguration\.assignPublicIp is true/);
    });
    it("notes an unknown setting", () => {
        assert.equal(advisory(runResource(serviceNoPublicIp, res(T.ecsService, "api", { networkConfiguration: { assignPublicIp: UNKNOWN } }))).length, 1);
    });
});

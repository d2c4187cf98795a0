import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import Ajv2020 from "ajv/dist/2020";
import { parse } from "yaml";
import { ConfigReader, parseSettings } from "../../components/config";

const root = path.resolve(__dirname, "../..");
const schemaPath = path.join(root, "test/schemas/pulumi-project.schema.json");
const project = parse(readFileSync(path.join(root, "Pulumi.yaml"), "utf8"));

type Declaration = { type: string; default?: unknown; items?: { type: string } };

describe("Pulumi.yaml", () => {
    it("validates against the Pulumi project schema", () => {
        const ajv = new Ajv2020({ strict: false, allErrors: true });
        const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8")));
        assert.ok(validate(project), JSON.stringify(validate.errors, null, 2));
    });

    it("is the stagecraft project on the nodejs runtime with TypeScript", () => {
        assert.equal(project.name, "stagecraft");
        assert.equal(project.runtime.name, "nodejs");
        assert.equal(project.runtime.options.typescript, true);
    });

    it("declares a type and a default matching that type for every project key", () => {
        for (const [key, decl] of Object.entries<Declaration | string>(project.config)) {
            if (key.includes(":")) continue; // values for other namespaces (aws:region), not declarations
            assert.equal(typeof decl, "object", key);
            const d = decl as Declaration;
            assert.ok(["string", "integer", "boolean", "array"].includes(d.type), `${key}: ${d.type}`);
            assert.ok("default" in d, `${key} has a default`);
            const expected = d.type === "integer" ? "number" : d.type === "array" ? "object" : d.type;
            assert.equal(typeof d.default, expected, `${key} default is a ${d.type}`);
            if (d.type === "integer") assert.ok(Number.isInteger(d.default), key);
            if (d.type === "array") assert.ok(Array.isArray(d.default) && d.items !== undefined, key);
        }
    });

    it("declares the keys the issue names (phase, app, port, instance, volume, SSH, domain, e-mail, NAT, retention)", () => {
        for (const key of ["phase", "appName", "appPort", "instanceType", "rootVolumeSizeGb", "sshCidrs", "domain", "alertEmail", "natStrategy", "logRetentionDays"]) {
            assert.ok(key in project.config, key);
        }
    });

    it("every stack file sets only declared project keys with values of the declared type", () => {
        for (const stack of ["dev", "staging", "prod"]) {
            const file = parse(readFileSync(path.join(root, `Pulumi.${stack}.yaml`), "utf8"));
            for (const [key, value] of Object.entries<unknown>(file.config)) {
                const [namespace, short] = key.split(":");
                if (namespace !== "stagecraft") continue;
                const decl = project.config[short] as Declaration | undefined;
                assert.ok(decl, `${stack}: ${key} is declared in Pulumi.yaml`);
                const actual = Array.isArray(value) ? "array" : typeof value === "number" ? "integer" : typeof value;
                assert.equal(actual, decl.type, `${stack}: ${key}`);
            }
        }
    });

    it("declares every key the config parser reads, in every phase", () => {
        const read = new Set<string>();
        const base: Record<string, string> = {
            domain: "example.com", hostedZoneId: "Z0123456789EXAMPLE01", natStrategy: "instance",
            alertEmail: "ops@example.com", tls: "true",
        };
        for (const phase of ["1", "2", "3"]) {
            const values: Record<string, string> = { ...base, phase, natStrategy: phase === "1" ? "none" : "instance" };
            const source = { get: (key: string) => { read.add(key); return values[key]; } };
            parseSettings(new ConfigReader(source, "stagecraft"), { project: "stagecraft", stack: "prod", region: "us-east-1" });
        }
        const undeclared = [...read].filter((key) => !(key in project.config));
        assert.deepEqual(undeclared, [], "keys read by components/config but missing from Pulumi.yaml");
        const unread = Object.keys(project.config).filter((key) => !key.includes(":") && !read.has(key));
        assert.deepEqual(unread, [], "keys declared in Pulumi.yaml that nothing reads");
    });
});

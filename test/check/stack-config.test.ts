import * as assert from "node:assert/strict";
import * as path from "node:path";
import { resolveStackConfig, SECRET_PLACEHOLDER, StackConfigError } from "../../tools/stack-config";

const fixtures = path.join(__dirname, "..", "fixtures", "stack-config");
const dir = (name: string) => path.join(fixtures, name);

function configError(fn: () => unknown): StackConfigError {
    try {
        fn();
    } catch (err) {
        assert.ok(err instanceof StackConfigError, `expected StackConfigError, got ${String(err)}`);
        return err;
    }
    assert.fail("expected a StackConfigError");
}

describe("stack config resolution", () => {
    describe("a valid project and dev stack", () => {
        const resolved = resolveStackConfig(dir("good"), "dev");

        it("names the project, the stack and both files", () => {
            assert.equal(resolved.project, "shop");
            assert.equal(resolved.stack, "dev");
            assert.equal(resolved.files.project, path.join(dir("good"), "Pulumi.yaml"));
            assert.equal(resolved.files.stack, path.join(dir("good"), "Pulumi.dev.yaml"));
        });

        it("namespaces short stack keys with the project name", () => {
            assert.equal(resolved.config["shop:enableSsh"], "true");
            assert.equal(resolved.config["enableSsh"], undefined);
        });

        it("passes integers and booleans as text, as the CLI does", () => {
            assert.equal(resolved.config["shop:appPort"], "9000");
            assert.equal(resolved.config["shop:enableSsh"], "true");
        });

        it("JSON-encodes arrays and objects with sorted keys", () => {
            assert.equal(resolved.config["shop:adminCidrs"], '["203.0.113.10/32"]');
            assert.equal(resolved.config["shop:tags"], '{"cost":"low","team":"web"}');
        });

        it("applies Pulumi.yaml defaults for keys the stack does not set", () => {
            assert.equal(resolved.config["shop:phase"], "1");
            assert.equal(resolved.config["shop:instanceType"], "t3.micro");
        });

        it("applies plain values of other namespaces from Pulumi.yaml", () => {
            assert.equal(resolved.config["aws:region"], "eu-west-1");
            assert.equal(resolved.config["aws:profile"], "dev-profile");
        });

        it("turns a secure: value into a placeholder, a secret key and a note", () => {
            assert.equal(resolved.config["shop:dbPassword"], SECRET_PLACEHOLDER);
            assert.deepEqual(resolved.secretKeys, ["shop:dbPassword"]);
            assert.equal(resolved.notes.length, 1);
            assert.match(resolved.notes[0], /shop:dbPassword is a secret .*cannot be decrypted offline/);
        });
    });

    it("gives the prod stack its own values over the same defaults", () => {
        const prod = resolveStackConfig(dir("good"), "prod");
        assert.equal(prod.config["shop:phase"], "3");
        assert.equal(prod.config["shop:appPort"], "8000");
        assert.equal(prod.config["shop:enableSsh"], "false");
        assert.equal(prod.config["shop:adminCidrs"], "[]");
    });

    it("rejects a value of the wrong type naming the file, key, value and type", () => {
        const err = configError(() => resolveStackConfig(dir("bad-type"), "dev"));
        assert.equal(err.file, path.join(dir("bad-type"), "Pulumi.dev.yaml"));
        assert.equal(err.key, "shop:appPort");
        assert.match(err.message, /Pulumi\.dev\.yaml: config key 'shop:appPort' has value "eighty", which is not of type 'integer'/);
    });

    it("lists every required key the stack does not set", () => {
        const err = configError(() => resolveStackConfig(dir("missing-key"), "dev"));
        assert.match(err.message, /Stack 'dev' is missing configuration value 'owner'/);
    });

    it("rejects a type declaration on a key of another namespace", () => {
        const err = configError(() => resolveStackConfig(dir("bad-namespace"), "dev"));
        assert.match(err.message, /Pulumi\.yaml: Configuration key 'aws:region' is not namespaced by the project and should not define a type/);
    });

    it("rejects a plain value for a key declared secret", () => {
        const err = configError(() => resolveStackConfig(dir("secret-plain"), "dev"));
        assert.match(err.message, /'apiToken' must be encrypted as it's secret/);
    });

    it("reads stack files from stackConfigDir and checks array items", () => {
        const err = configError(() => resolveStackConfig(dir("nested"), "qa"));
        assert.equal(err.file, path.join(dir("nested"), "stacks", "Pulumi.qa.yaml"));
        assert.match(err.message, /has value \[80,"x"\], which is not of type 'array<integer>'/);
    });

    it("notes a missing stack file and falls back to the defaults", () => {
        const resolved = resolveStackConfig(dir("nested"), "other");
        assert.equal(resolved.files.stack, undefined);
        assert.equal(resolved.config["shop:ports"], "[80,443]");
        assert.match(resolved.notes[0], /no Pulumi\.other\.yaml found/);
    });

    it("fails on a directory without Pulumi.yaml", () => {
        const err = configError(() => resolveStackConfig(fixtures, "dev"));
        assert.match(err.message, /no Pulumi\.yaml here/);
    });
});

// A `secure:` value cannot be decrypted offline: the check hands the program a placeholder and
// lists the key in OFFLINE_CHECK_UNDECRYPTED_KEYS; stagecraft then reports the value as not
// validated (a warning in the report) instead of refusing the placeholder as an invalid value.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { REPO, runCli, type CliRun } from "../check/run-cli";

describe("hostile input: a secure config value under the offline check", function () {
    this.timeout(180_000);
    const stack = `securetest${process.pid}`;
    const file = path.join(REPO, `Pulumi.${stack}.yaml`);
    let run: CliRun;

    before(async () => {
        const dev = fs.readFileSync(path.join(REPO, "Pulumi.dev.yaml"), "utf8");
        fs.writeFileSync(file, dev.replace(/ {2}stagecraft:alertEmail: .*\n/, "  stagecraft:alertEmail:\n    secure: v1:AAAABBBBCCCCDDDD\n"));
        try {
            run = await runCli(["--stack", stack, "--no-policy"]);
        } finally {
            fs.rmSync(file, { force: true });
        }
    });

    it("plans the stack (exit 0) instead of refusing the placeholder as an e-mail address", () => {
        assert.equal(run.code, 0, run.stderr);
        assert.doesNotMatch(run.stderr + run.stdout, /invalid stack configuration/);
    });

    it("warns that the value was not validated, naming the key and never printing the placeholder as the user's value", () => {
        const warnings = JSON.stringify(run.report?.warnings ?? run.stdout);
        assert.match(warnings, /stagecraft:alertEmail is a secret this run could not decrypt: not validated here/);
        assert.doesNotMatch(warnings, /stagecraft:alertEmail = "offline-check-secret-placeholder"/);
    });
});

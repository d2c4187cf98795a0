// The lexer the hostile-input property tests rely on: what it calls inert must be data to bash.
// Checked on hand-written cases and against bash itself (a marker it calls live runs).
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { lexShell, liveOccurrences } from "./helpers/shellLexer";

const M = "MARK";

describe("shell lexer of the hostile-input tests", () => {
    it("calls single-quoted text, quoted here-document bodies and comments inert", () => {
        for (const script of [
            `echo '${M}'`,
            `x='a;${M};b'`,
            `# ${M} in a comment\necho ok`,
            `cat > f <<'EOF'\n$(${M})\nEOF\necho done`,
            `cat > f <<-"EOF"\n\t${M}\n\tEOF\n`,
            `echo "$(cut -d' ' -f1 ${"file"})" '${M}'`,
            `A=\${B:-'${M}'}`,
        ]) {
            const lexed = lexShell(script);
            assert.equal(lexed.error, undefined, script);
            assert.deepEqual(liveOccurrences(script, M, lexed), [], script);
        }
    });

    it("calls unquoted, double-quoted, substituted and unquoted-heredoc text live", () => {
        for (const script of [
            `echo ${M}`,
            `echo "${M}"`,
            `echo "$(${M})"`,
            `x=$(echo '' ${M})`,
            `echo \`${M}\``,
            `cat <<EOF\n${M}\nEOF\n`,
            `echo 'a'${M}'b'`,
            `echo foo#${M}`,
            `x='a' # ok\n${M}`,
            `cat > f <<'EOF'\nEOF\n${M}\nEOF\n`,
        ]) {
            assert.notDeepEqual(liveOccurrences(script, M), [], script);
        }
    });

    it("agrees with bash: every marker it calls live is run, none it calls inert", () => {
        // MARK is a function that records its call; bash runs each script with it defined.
        const scripts = [
            `echo '${M}'`,
            `${M}`,
            `echo "$(${M})"`,
            `cat > /dev/null <<'EOF'\n$(${M})\nEOF`,
            `cat > /dev/null <<EOF\n$(${M})\nEOF`,
            `# ${M}`,
            `x='a' ; ${M}`,
        ];
        for (const script of scripts) {
            const r = spawnSync("bash", ["-c", `${M}() { echo RAN; }\n${script}`], { encoding: "utf8" });
            const ran = r.stdout.includes("RAN");
            const live = liveOccurrences(script, M).length > 0;
            assert.ok(!ran || live, `bash ran a marker the lexer calls inert: ${script}`);
        }
    });

    it("reports what it cannot follow", () => {
        assert.match(lexShell("echo 'open").error ?? "", /single quote/);
        assert.match(lexShell("cat <<'EOF'\nno end").error ?? "", /not closed/);
        assert.match(lexShell('echo "open').error ?? "", /unterminated/);
    });
});

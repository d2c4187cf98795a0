/**
 * The container definitions of a task definition (a JSON string), read once for the
 * task-definition policies.
 */
import type { ResourceReport, ResourceView } from "../lib/policy";
import { jsonDoc, type Rec, records, str, UNKNOWN } from "../lib/values";

interface Container { readonly label: string; readonly def: Rec }

/** Container definitions of a task definition; undefined after reporting when they cannot be read. */
export function containers(r: ResourceView, report: ResourceReport, what: string): Container[] | undefined {
    const doc = jsonDoc(r.props.containerDefinitions);
    if (doc === UNKNOWN) {
        report.unknown(what, "containerDefinitions");
        return undefined;
    }
    if (doc === "invalid" || doc === undefined) return [];
    const items = records(doc);
    if (items === UNKNOWN) {
        report.unknown(what, "containerDefinitions");
        return undefined;
    }
    const out: Container[] = [];
    (items ?? []).forEach((c, i) => {
        if (c === UNKNOWN) report.unknown(what, `containerDefinitions[${i}]`);
        else if (c !== undefined) {
            const name = str(c.name);
            out.push({ label: `container ${typeof name === "string" ? `"${name}"` : `#${i}`}`, def: c });
        }
    });
    return out;
}

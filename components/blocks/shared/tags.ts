/** Tags for one resource: the stack's common tags plus a Name (and any extras). */
export function tagsFor(common: Record<string, string>, name: string, extra: Record<string, string> = {}): Record<string, string> {
    return { ...common, Name: name, ...extra };
}

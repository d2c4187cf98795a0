/** Invalid project or stack configuration: the message names the file, the key and what must hold. */
export class StackConfigError extends Error {
    readonly file: string;
    readonly key?: string;
    constructor(file: string, message: string, key?: string) {
        super(`${file}: ${message}`);
        this.name = "StackConfigError";
        this.file = file;
        this.key = key;
    }
}

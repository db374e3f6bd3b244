// archiver 8 ships no types (DefinitelyTyped's @types/archiver describes the older default
// export); what Care Desk uses of it.
declare module "archiver" {
  import type { Transform } from "node:stream";

  export interface EntryData {
    name: string;
    date?: Date;
    store?: boolean;
  }

  export class ZipArchive extends Transform {
    constructor(options?: { store?: boolean; zlib?: { level?: number }; forceZip64?: boolean });
    append(source: Buffer | string | NodeJS.ReadableStream, data: EntryData): this;
    finalize(): Promise<void>;
    pointer(): number;
    abort(): this;
  }
}

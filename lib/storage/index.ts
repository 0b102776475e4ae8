import path from "node:path";
import { serverEnv } from "@/lib/env";
import type { StorageDriver } from "./driver";
import { LocalStorageDriver } from "./local-driver";
import { UploadThingStorageDriver } from "./uploadthing-driver";

export type { StorageDriver } from "./driver";

/** What a service that accepts or serves files needs: where bytes go, and how big one may be. */
export type FileStore = { storage: StorageDriver; maxUploadBytes: number };

export const DEFAULT_UPLOAD_ROOT = ".data/uploads";
type StorageOptions = { uploadthingToken?: string; localRoot?: string };

/** UploadThing when a token is configured, else local disk (`localRoot`, default `.data/uploads`). */
export function createStorageDriver(options: StorageOptions = {}): StorageDriver {
  if (options.uploadthingToken) return UploadThingStorageDriver.fromToken(options.uploadthingToken);
  return new LocalStorageDriver(path.resolve(/*turbopackIgnore: true*/ options.localRoot ?? DEFAULT_UPLOAD_ROOT));
}

let cached: FileStore | undefined;

/** The app's file store: UploadThing when `UPLOADTHING_TOKEN` is set, else `UPLOADS_DIR` on disk. */
export function defaultFileStore(): FileStore {
  const env = serverEnv();
  cached ??= {
    storage: createStorageDriver({ uploadthingToken: env.UPLOADTHING_TOKEN, localRoot: env.UPLOADS_DIR }),
    maxUploadBytes: env.UPLOAD_MAX_BYTES,
  };
  return cached;
}

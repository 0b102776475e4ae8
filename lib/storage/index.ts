import path from "node:path";
import { serverEnv } from "@/lib/env";
import type { StorageDriver } from "./driver";
import { LocalStorageDriver } from "./local-driver";

export type { StorageDriver } from "./driver";

/** What a service that accepts or serves files needs: where bytes go, and how big one may be. */
export type FileStore = { storage: StorageDriver; maxUploadBytes: number };

export const DEFAULT_UPLOAD_ROOT = ".data/uploads";
type StorageOptions = { uploadthingToken?: string; localRoot?: string };

/**
 * Local disk unless an UploadThing token is configured. With a token and no SDK installed it
 * refuses to start rather than quietly keep files on one server's disk.
 */
export function createStorageDriver(options: StorageOptions = {}): StorageDriver {
  if (options.uploadthingToken) {
    // TODO(uploadthing): `npm install uploadthing@7.7.4`, then return
    // `new UploadThingStorageDriver(new UTApi({ token: options.uploadthingToken }))`.
    throw new Error("UPLOADTHING_TOKEN is set but the uploadthing package is not installed (see lib/storage/index.ts)");
  }
  return new LocalStorageDriver(path.resolve(options.localRoot ?? DEFAULT_UPLOAD_ROOT));
}

let cached: FileStore | undefined;

/** The app's file store. TODO(uploadthing): pass serverEnv().UPLOADTHING_TOKEN once lib/env.ts declares it. */
export function defaultFileStore(): FileStore {
  const env = serverEnv();
  cached ??= { storage: createStorageDriver({ localRoot: env.UPLOADS_DIR }), maxUploadBytes: env.UPLOAD_MAX_BYTES };
  return cached;
}

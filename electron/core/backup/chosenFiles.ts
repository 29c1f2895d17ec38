import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, isAbsolute, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { megabytes } from '../../../shared/domain/importLimits';
import { AppError, badInput } from '../errors';
import { makePrivateDir } from '../db/privateFiles';
import { localPathProblem } from './localPath';

/** A file from outside the app, as a page knows it: an opaque handle and the file's own name. */
export interface ChosenFile {
  handle: string;
  name: string;
}

/** The largest backup a browser may upload: well above the 1,000-meeting archive. */
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024 * 1024;

/** An upload over the bound, answered 413 in Chinese once its body has been read. */
export class UploadTooLarge extends Error {
  constructor(size: number, max: number) {
    super(`上传的文件过大（${megabytes(size)}），备份文件和会议包最多 ${megabytes(max)}`);
  }
}

/**
 * Files a page may name, by handle only. A page never hands the core a path: in Electron the
 * main process turns the native dialog's answer into a handle here; in the browser the file is
 * uploaded into a private staging folder beside the data file. Uploads are deleted when the core
 * starts and stops, and when a newer one replaces them.
 */
export class ChosenFiles {
  private readonly files = new Map<string, { path: string; name: string; uploaded: boolean }>();
  /** The largest upload taken (a test lowers it to try the bound without 2 GB). */
  maxUploadBytes = MAX_UPLOAD_BYTES;

  constructor(private readonly stagingDir: string) {
    this.clear();
  }

  /** A file picked in a native dialog (the trusted side): a plain local file, or a Chinese refusal. */
  choose(path: string): ChosenFile {
    const problem = localPathProblem(path);
    if (problem) throw badInput(problem);
    if (!isAbsolute(path)) throw badInput('请选择一个完整路径下的文件');
    const full = resolve(path);
    if (!existsSync(full) || !statSync(full).isFile()) throw new AppError('not_found', `未找到文件“${basename(full)}”`);
    return this.add(full, basename(full), false);
  }

  /** Bytes a browser sent, written to the staging folder; past the bound the file is dropped and the rest drained. */
  async receive(body: Readable, name: string): Promise<ChosenFile> {
    this.dropUploads(); // one upload at a time is all a page needs: earlier ones are not kept around
    makePrivateDir(this.stagingDir);
    const path = join(this.stagingDir, `${randomUUID()}.db`);
    const file = await open(path, 'wx', 0o600);
    let size = 0;
    try {
      // Past the bound the rest is still read (and dropped), so the answer reaches the page.
      for await (const chunk of body as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size <= this.maxUploadBytes) await file.write(chunk);
      }
    } catch (e) {
      await file.close();
      rmSync(path, { force: true }); // an upload cut off halfway is no file to offer
      throw e;
    }
    await file.close();
    if (size > this.maxUploadBytes) {
      rmSync(path, { force: true });
      throw new UploadTooLarge(size, this.maxUploadBytes);
    }
    return this.add(path, cleanName(name), true);
  }

  /** The file behind a handle, or a Chinese answer that it must be chosen again. */
  pathOf(handle: string): string {
    const file = this.files.get(handle);
    if (!file || !existsSync(file.path))
      throw new AppError('not_found', '所选的文件已失效（程序重新启动过，或又选择了别的文件），请重新选择');
    return file.path;
  }

  nameOf(handle: string): string {
    return this.files.get(handle)?.name ?? '';
  }

  /** Every upload deleted, every handle forgotten. */
  clear(): void {
    this.files.clear();
    if (!existsSync(this.stagingDir)) return;
    for (const name of readdirSync(this.stagingDir)) rmSync(join(this.stagingDir, name), { force: true });
  }

  private add(path: string, name: string, uploaded: boolean): ChosenFile {
    const handle = randomUUID();
    this.files.set(handle, { path, name, uploaded });
    return { handle, name };
  }

  private dropUploads(): void {
    for (const [handle, file] of this.files)
      if (file.uploaded) {
        rmSync(file.path, { force: true });
        this.files.delete(handle);
      }
  }
}

/** A browser's file name, for display only: no folders, no control characters, bounded. */
function cleanName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const plain = basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f]/g, '');
  return plain.slice(0, 120) || '上传的文件.db';
}

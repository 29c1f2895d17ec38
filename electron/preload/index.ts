import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ChangeEvent } from '../../shared/contract';
import { BRIDGE_KEY, CHANNELS, type ElectronBridge } from '../../shared/bridge';

/**
 * The only bridge between a window and the main process: one generic invoke for every call of
 * the contract and one event subscription, plus opening the projector, saving an exported file,
 * choosing a backup file or where to write one (the path stays in the main process) and
 * answering the main side's request to store unsaved text before the window closes. Nothing
 * else of Node or Electron reaches the page. Its shape and channels: shared/bridge.
 */
contextBridge.exposeInMainWorld(BRIDGE_KEY, {
  invoke: (name, input) => ipcRenderer.invoke(CHANNELS.call, name, input),
  onEvent: (listener) => {
    const wrapped = (_e: IpcRendererEvent, event: ChangeEvent) => listener(event);
    ipcRenderer.on(CHANNELS.event, wrapped);
    return () => ipcRenderer.off(CHANNELS.event, wrapped);
  },
  openProjector: () => ipcRenderer.invoke(CHANNELS.openProjector),
  saveFile: (fileName, dataBase64) => ipcRenderer.invoke(CHANNELS.saveFile, fileName, dataBase64),
  chooseBackupFile: (kind) => ipcRenderer.invoke(CHANNELS.chooseBackupFile, kind),
  savePackageAs: (name) => ipcRenderer.invoke(CHANNELS.savePackageAs, name),
  saveBackupAs: (suggestedName) => ipcRenderer.invoke(CHANNELS.saveBackupAs, suggestedName),
  onFlushRequest: (handler) => {
    const listener = () => {
      void handler()
        .catch(() => undefined)
        .finally(() => ipcRenderer.send(CHANNELS.flushed));
    };
    ipcRenderer.on(CHANNELS.flush, listener);
    return () => ipcRenderer.off(CHANNELS.flush, listener);
  },
  minutesEndpoint: () => ipcRenderer.invoke(CHANNELS.minutesEndpoint),
} satisfies ElectronBridge);

import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

/**
 * The only bridge between a window and the main process: one generic invoke for every call of
 * the contract and one event subscription, plus opening the projector, saving an exported file,
 * choosing a backup file and
 * answering the main side's request to store unsaved text before the window closes. Nothing
 * else of Node or Electron reaches the page.
 */
contextBridge.exposeInMainWorld('bcsl', {
  invoke: (name: string, input: unknown): Promise<unknown> => ipcRenderer.invoke('bcsl:call', name, input),
  onEvent: (listener: (event: unknown) => void): (() => void) => {
    const wrapped = (_e: IpcRendererEvent, event: unknown) => listener(event);
    ipcRenderer.on('bcsl:event', wrapped);
    return () => ipcRenderer.off('bcsl:event', wrapped);
  },
  openProjector: (): Promise<void> => ipcRenderer.invoke('bcsl:open-projector'),
  saveFile: (fileName: string, dataBase64: string): Promise<unknown> =>
    ipcRenderer.invoke('bcsl:save-file', fileName, dataBase64),
  chooseBackupFile: (mode: 'save' | 'open', suggestedName: string): Promise<string | null> =>
    ipcRenderer.invoke('bcsl:choose-backup-file', mode, suggestedName),
  onFlushRequest: (handler: () => Promise<void>): (() => void) => {
    const listener = () => {
      void handler()
        .catch(() => undefined)
        .finally(() => ipcRenderer.send('bcsl:flushed'));
    };
    ipcRenderer.on('bcsl:flush', listener);
    return () => ipcRenderer.off('bcsl:flush', listener);
  },
});

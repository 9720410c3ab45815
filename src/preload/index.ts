import { contextBridge } from 'electron';

// The contract's methods are exposed here one by one as they are built; nothing generic.
contextBridge.exposeInMainWorld('mcpTray', Object.freeze({ version: process.env.npm_package_version ?? '0.1.0' }));

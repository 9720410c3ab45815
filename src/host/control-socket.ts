/** The control socket: how other processes drive a running manager. See control-protocol.ts for the wire format. */
export { serveControlSocket, toWireError, type ControlSocketServer, type ControlTarget } from './control-socket-server';
export { connectControlSocket, type ControlClient, type ConnectOptions } from './control-socket-client';
export { controlSocketPath } from './control-socket-path';

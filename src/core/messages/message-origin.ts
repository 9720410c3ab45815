/** Who a message on a server's wire belongs to. */
export interface MessageOrigin {
  /** A bridged client's name, MANAGER_CLIENT for calls made through the contract, HEALTH_SESSION for pings. */
  session: string;
  /** The call made through MCP Tray, when the message is part of one. */
  callId?: string | undefined;
}

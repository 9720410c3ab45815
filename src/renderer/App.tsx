import { BUNDLED_SERVERS } from '../shared/bundled-servers';

export function App() {
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', padding: 24 }}>
      <h1>MCP Tray</h1>
      <p>Bundled MCP servers:</p>
      <ul>
        {BUNDLED_SERVERS.map((server) => (
          <li key={server.id}>
            <strong>{server.name}</strong>: {server.description}
          </li>
        ))}
      </ul>
    </main>
  );
}

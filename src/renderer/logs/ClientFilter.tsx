interface ClientFilterProps {
  client: string;
  clients: readonly string[];
  onClient: (client: string) => void;
}

/** Narrows the log to the calls of one client; hidden until some client has made a call. */
export function ClientFilter({ client, clients, onClient }: ClientFilterProps) {
  if (clients.length === 0 && client === '') return null;
  // A chosen client stays listed even when its lines have left the buffer.
  const choices = client === '' || clients.some((name) => name.toLowerCase() === client.toLowerCase()) ? clients : [client, ...clients];
  return (
    <>
      <label className="visually-hidden" htmlFor="log-client">
        Client
      </label>
      <select id="log-client" className="input select" value={client} onChange={(event) => onClient(event.target.value)} data-testid="log-client">
        <option value="">All lines</option>
        {choices.map((name) => (
          <option key={name} value={name}>
            Calls by {name}
          </option>
        ))}
      </select>
    </>
  );
}

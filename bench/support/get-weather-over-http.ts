/** The cache-hit tool call both HTTP benchmarks time: get_weather for fixed coordinates. */
const GET_WEATHER_CALL = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'tools/call',
  params: { name: 'get_weather', arguments: { location: '52.52,13.41' } },
});

/** Posts the call to a Streamable HTTP endpoint and reads the whole answer (plain JSON or an SSE event). */
export async function postGetWeather(url: string, headers: Record<string, string> = {}): Promise<{ ok: boolean; status: number; text: string }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers },
    body: GET_WEATHER_CALL,
  });
  return { ok: response.ok, status: response.status, text: await response.text() };
}

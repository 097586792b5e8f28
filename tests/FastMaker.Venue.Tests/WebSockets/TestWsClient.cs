using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;

namespace FastMaker.Venue.Tests.WebSockets;

/// <summary>
/// A test WebSocket client with a background reader, so that waiting with a timeout never cancels a
/// receive (cancelling a ClientWebSocket receive aborts the socket).
/// </summary>
internal sealed class TestWsClient : IAsyncDisposable
{
    private readonly ClientWebSocket _ws = new();
    private readonly Channel<string> _messages = Channel.CreateUnbounded<string>();
    private Task _reader = Task.CompletedTask;
    private volatile bool _paused;
    private readonly TaskCompletionSource _resume = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public WebSocketCloseStatus? CloseStatus => _ws.CloseStatus;
    public bool Closed { get; private set; }

    public static async Task<TestWsClient> ConnectAsync(Venue venue, string channel, bool startReading = true)
    {
        var c = new TestWsClient();
        await c._ws.ConnectAsync(new Uri(venue.WsUrl + "/" + channel), CancellationToken.None);
        if (startReading) c.StartReading();
        return c;
    }

    public void StartReading() => _reader = Task.Run(ReadLoopAsync);

    /// <summary>Stops reading from the socket after the current message: the client then looks like one that never reads.</summary>
    public void PauseReading() => _paused = true;

    public Task SendAsync(string text) => _ws.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>Sends a message then PING; the PONG proves the message was processed (messages are handled in order).</summary>
    public async Task SendAndSyncAsync(string text)
    {
        await SendAsync(text);
        await SendAsync("PING");
        while (true)
        {
            string? m = await NextAsync();
            Assert.NotNull(m);
            Assert.NotEqual("<timeout>", m);
            if (m == "PONG") return;
        }
    }

    /// <summary>Next message, "&lt;timeout&gt;" if none arrives in time, null once the socket closed.</summary>
    public async Task<string?> NextAsync(int timeoutMs = 5000)
    {
        using var cts = new CancellationTokenSource(timeoutMs);
        try
        {
            if (await _messages.Reader.WaitToReadAsync(cts.Token) && _messages.Reader.TryRead(out var m)) return m;
            return null;
        }
        catch (OperationCanceledException) { return "<timeout>"; }
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                int length = 0;
                ValueWebSocketReceiveResult r;
                do
                {
                    if (length == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
                    r = await _ws.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None);
                    length += r.Count;
                } while (!r.EndOfMessage && r.MessageType != WebSocketMessageType.Close);
                if (r.MessageType == WebSocketMessageType.Close) break;
                _messages.Writer.TryWrite(Encoding.UTF8.GetString(buffer, 0, length));
                if (_paused) await _resume.Task.WaitAsync(TimeSpan.FromMinutes(5));
            }
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or OperationCanceledException or TimeoutException) { }
        Closed = true;
        _messages.Writer.TryComplete();
    }

    public async ValueTask DisposeAsync()
    {
        _ws.Abort();
        _resume.TrySetResult();
        await _reader;
        _ws.Dispose();
    }
}

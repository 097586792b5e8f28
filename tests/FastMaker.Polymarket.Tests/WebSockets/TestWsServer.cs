using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FastMaker.Polymarket.Tests.WebSockets;

/// <summary>A real Kestrel WebSocket server on 127.0.0.1 with a free port; records what clients send and answers PING.</summary>
internal sealed class TestWsServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<ServerConnection> _accepted = Channel.CreateUnbounded<ServerConnection>();

    private TestWsServer(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = null!;

    public Uri MarketUri => new(BaseUri, "/ws/market");

    public Uri UserUri => new(BaseUri, "/ws/user");

    /// <summary>When false the server stops answering PING (a dead venue that keeps the socket open).</summary>
    public volatile bool AnswerPing = true;

    public ConcurrentQueue<ServerConnection> All { get; } = new();

    public static async Task<TestWsServer> StartAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        WebApplication app = builder.Build();
        var server = new TestWsServer(app);
        app.UseWebSockets();
        app.Run(server.HandleAsync);
        await app.StartAsync();
        string url = app.Urls.First();
        server.BaseUri = new Uri(url.Replace("http://", "ws://"));
        return server;
    }

    public async Task<ServerConnection> NextConnectionAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        return await _accepted.Reader.ReadAsync(timeout.Token);
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }
        WebSocket socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = new ServerConnection(this, socket, context);
        All.Enqueue(connection);
        _accepted.Writer.TryWrite(connection);
        await connection.RunAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (ServerConnection c in All) c.Abort();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

internal sealed class ServerConnection
{
    private readonly TestWsServer _server;
    private readonly WebSocket _socket;
    private readonly HttpContext _context;
    private readonly SemaphoreSlim _sendLock = new(1, 1);

    public ServerConnection(TestWsServer server, WebSocket socket, HttpContext context)
    {
        _server = server;
        _socket = socket;
        _context = context;
    }

    public string Path => _context.Request.Path.Value ?? "";

    /// <summary>Every text message the client sent, PINGs included, in order.</summary>
    public Channel<string> Received { get; } = Channel.CreateUnbounded<string>();

    public ConcurrentQueue<string> Log { get; } = new();

    public async Task<string> NextMessageAsync(Func<string, bool>? filter = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (true)
        {
            string message = await Received.Reader.ReadAsync(timeout.Token);
            if (filter is null || filter(message)) return message;
        }
    }

    public async Task SendAsync(string text)
    {
        await _sendLock.WaitAsync();
        try { await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None); }
        finally { _sendLock.Release(); }
    }

    /// <summary>Sends one message as several WebSocket frames, so the client receives it in parts.</summary>
    public async Task SendFragmentedAsync(byte[] message, int fragmentSize)
    {
        await _sendLock.WaitAsync();
        try
        {
            for (int offset = 0; offset < message.Length; offset += fragmentSize)
            {
                int count = Math.Min(fragmentSize, message.Length - offset);
                bool last = offset + count == message.Length;
                await _socket.SendAsync(message.AsMemory(offset, count), WebSocketMessageType.Text, last, CancellationToken.None);
            }
        }
        finally { _sendLock.Release(); }
    }

    private volatile bool _finished;

    public void Abort()
    {
        if (_finished) return;
        try { _context.Abort(); }
        catch (ObjectDisposedException) { }
    }

    public async Task RunAsync()
    {
        var buffer = new byte[64 * 1024];
        var message = new MemoryStream();
        try
        {
            while (true)
            {
                ValueWebSocketReceiveResult result = await _socket.ReceiveAsync(buffer.AsMemory(), CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close) return;
                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage) continue;
                string text = Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
                message.SetLength(0);
                Log.Enqueue(text);
                Received.Writer.TryWrite(text);
                if (text == "PING" && _server.AnswerPing) await SendAsync("PONG");
            }
        }
        catch (Exception)
        {
            // Aborted by the test or by the client: the connection is over.
        }
        finally
        {
            _finished = true;
            Received.Writer.TryComplete();
        }
    }
}

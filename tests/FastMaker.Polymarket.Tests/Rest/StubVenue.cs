using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FastMaker.Polymarket.Tests.Rest;

/// <summary>A canned reply: status, body, extra headers, and an optional delay before answering.</summary>
internal sealed record CannedReply(int Status, string Body, Dictionary<string, string>? Headers = null, TimeSpan Delay = default);

/// <summary>One request as the stub saw it.</summary>
internal sealed record RecordedRequest(string Method, string Path, string Query, Dictionary<string, string> Headers, byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);
}

/// <summary>An in-process Kestrel HTTP stub on 127.0.0.1: records every request, answers from a queue of canned replies.</summary>
internal sealed class StubVenue : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<CannedReply> _replies = new();

    private StubVenue(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = null!;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public void Enqueue(int status, string body, Dictionary<string, string>? headers = null, TimeSpan delay = default) =>
        _replies.Enqueue(new CannedReply(status, body, headers, delay));

    public static async Task<StubVenue> StartAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        WebApplication app = builder.Build();
        var stub = new StubVenue(app);
        app.Run(stub.HandleAsync);
        await app.StartAsync();
        stub.BaseUri = new Uri(app.Urls.First());
        return stub;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var h in context.Request.Headers) headers[h.Key] = h.Value.ToString();
        Requests.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path.Value ?? "", context.Request.QueryString.Value ?? "", headers, body.ToArray()));
        if (!_replies.TryDequeue(out CannedReply? reply))
        {
            context.Response.StatusCode = 500;
            await context.Response.WriteAsync("{\"error\":\"stub has no canned reply\"}");
            return;
        }
        if (reply.Delay > TimeSpan.Zero)
        {
            try { await Task.Delay(reply.Delay, context.RequestAborted); }
            catch (OperationCanceledException) { return; }
        }
        context.Response.StatusCode = reply.Status;
        context.Response.ContentType = "application/json";
        if (reply.Headers is not null)
            foreach (var h in reply.Headers) context.Response.Headers[h.Key] = h.Value;
        await context.Response.WriteAsync(reply.Body);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

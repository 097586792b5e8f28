using System.Collections.Concurrent;
using System.Net;
using System.Text;
using FastMaker.Engine.Execution;
using FastMaker.Engine.Gate;
using FastMaker.Engine.Orders;
using FastMaker.Engine.Pipeline;
using FastMaker.Engine.Signing;
using FastMaker.Polymarket.Auth;
using FastMaker.Primitives;

namespace FastMaker.Engine.Tests.Execution;

/// <summary>One request as the scripted venue received it.</summary>
internal sealed record SeenRequest(string Method, string Path, byte[] Body, Dictionary<string, string> Headers);

/// <summary>An HTTP handler that answers by script and records every request (no sockets).</summary>
internal sealed class SenderScriptedHandler : HttpMessageHandler
{
    private readonly Func<SeenRequest, CancellationToken, Task<HttpResponseMessage>> _respond;

    public SenderScriptedHandler(Func<SeenRequest, CancellationToken, Task<HttpResponseMessage>> respond) => _respond = respond;

    public ConcurrentQueue<SeenRequest> Seen { get; } = new();

    public int Count(string method, string path)
    {
        int n = 0;
        foreach (var r in Seen)
        {
            if (r.Method == method && r.Path == path) n++;
        }

        return n;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        byte[] body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var headers = new Dictionary<string, string>();
        foreach (var h in request.Headers) headers[h.Key] = string.Join(",", h.Value);
        var seen = new SeenRequest(request.Method.Method, request.RequestUri!.AbsolutePath, body, headers);
        Seen.Enqueue(seen);
        return await _respond(seen, cancellationToken);
    }

    public static HttpResponseMessage Json(int status, string json)
    {
        var r = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        return r;
    }

    public static string Accepted(Hash32 id, string status = "live") =>
        "{\"success\":true,\"errorMsg\":\"\",\"orderID\":\"" + id + "\",\"status\":\"" + status + "\",\"makingAmount\":\"\",\"takingAmount\":\"\",\"transactionsHashes\":[],\"tradeIDs\":[]}";
}

/// <summary>Collects control items; can refuse them to simulate a full control queue.</summary>
internal sealed class SenderReplySink : IControlSink
{
    private readonly ConcurrentQueue<ControlItem> _items = new();

    public bool Full { get; set; }

    public bool EnqueueControl(in ControlItem item)
    {
        if (Full) return false;
        _items.Enqueue(item);
        return true;
    }

    public List<OrderReply> Replies()
    {
        var list = new List<OrderReply>();
        foreach (var i in _items)
        {
            if (i.Cold is OrderReply r) list.Add(r);
        }

        return list;
    }

    public List<VenueFeedback> Feedback()
    {
        var list = new List<VenueFeedback>();
        foreach (var i in _items)
        {
            if (i.Cold is VenueFeedback f) list.Add(f);
        }

        return list;
    }

    public IEnumerable<ControlItem> Items => _items;

    /// <summary>Waits (bounded, generous: the machine is shared) until <paramref name="done"/> holds.</summary>
    public async Task<List<OrderReply>> WaitAsync(Func<List<OrderReply>, bool> done, int timeoutMs = 20_000)
    {
        for (int waited = 0; waited < timeoutMs; waited += 10)
        {
            var replies = Replies();
            if (done(replies)) return replies;
            await Task.Delay(10);
        }

        throw new TimeoutException("replies never reached the expected state; got: " + string.Join(", ", Replies().Select(r => r.Kind + " " + r.Error)));
    }
}

/// <summary>Builds signed requests and senders for the tests.</summary>
internal static class SenderTestKit
{
    public static readonly ApiCredentials Credentials = new("00000000-0000-0000-0000-00000000c0de", "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LTEyMzQ=", "pass-phrase");
    public static readonly EthAddress Address = EthAddress.Parse("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266");
    public static readonly L2Signer Signer = new(Credentials, "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");

    public static SenderOptions Options(SenderScriptedHandler handler, SignedRequestPool? pool = null) => new()
    {
        ClobBaseUrl = new Uri("http://venue.test"),
        Address = Address,
        ApiKey = Credentials.ApiKey,
        Passphrase = Credentials.Passphrase,
        Credentials = Credentials,
        Handler = handler,
        RequestPool = pool,
        RequestTimeout = TimeSpan.FromSeconds(2),
        ResolveDelay = TimeSpan.FromMilliseconds(20),
        RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        RetryMaxDelay = TimeSpan.FromMilliseconds(50),
        DrainTimeout = TimeSpan.FromSeconds(5),
        BatchCancels = false,
    };

    public static Hash32 Id(int n)
    {
        var b = new byte[32];
        b[31] = (byte)n;
        b[30] = (byte)(n >> 8);
        b[0] = 0xAB;
        return Hash32.FromBytes(b);
    }

    /// <summary>A post with a recognisable body, signed now like the sign stage signs it.</summary>
    public static SignedRequest Post(SignedRequestPool pool, int n, Side side = Side.Buy, int market = 0, long? nowSeconds = null)
    {
        SignedRequest r = pool.Rent();
        r.Kind = RequestKind.PostOrder;
        r.OrderId = Id(n);
        r.Intent = new OrderIntent { Kind = IntentKind.Place, Side = side, MarketIndex = market };
        r.MarketIndex = market;
        r.BodyLength = Encoding.ASCII.GetBytes("{\"order\":{\"n\":" + n + "},\"owner\":\"k\",\"orderType\":\"GTC\"}", r.BodyBuffer);
        Sign(r, nowSeconds ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        return r;
    }

    public static SignedRequest Cancel(SignedRequestPool pool, Hash32 target, int market = 0)
    {
        SignedRequest r = pool.Rent();
        r.Kind = RequestKind.CancelOrder;
        r.OrderId = target;
        r.Intent = new OrderIntent { Kind = IntentKind.Cancel, TargetOrderId = target, MarketIndex = market };
        r.MarketIndex = market;
        r.BodyLength = CancelBodyWriter.WriteCancelOrder(r.BodyBuffer, target);
        Sign(r, DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        return r;
    }

    public static SignedRequest CancelAll(SignedRequestPool pool)
    {
        SignedRequest r = pool.Rent();
        r.Kind = RequestKind.CancelAll;
        r.OrderId = default;
        r.MarketIndex = -1;
        r.BodyLength = 0;
        Sign(r, DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        return r;
    }

    public static void Sign(SignedRequest r, long seconds)
    {
        Signer.Sign(seconds, r.Method, r.Path, r.Body, r.L2SignatureBuffer.AsSpan());
        r.L2TimestampSeconds = seconds;
        r.HasL2Signature = true;
    }

    /// <summary>True when the request carries a valid L2 signature over its own method, path and body.</summary>
    public static bool SignatureValid(SeenRequest r)
    {
        long ts = long.Parse(r.Headers["POLY_TIMESTAMP"]);
        string expected = Signer.Sign(ts, r.Method, r.Path, r.Body.Length == 0 ? null : Encoding.UTF8.GetString(r.Body));
        return expected == r.Headers["POLY_SIGNATURE"] && r.Headers["POLY_API_KEY"] == Credentials.ApiKey && r.Headers["POLY_PASSPHRASE"] == Credentials.Passphrase;
    }
}

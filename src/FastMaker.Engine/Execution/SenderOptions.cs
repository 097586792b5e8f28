using FastMaker.Engine.Signing;
using FastMaker.Polymarket.Auth;
using FastMaker.Polymarket.Rest.Clob;
using FastMaker.Primitives;

namespace FastMaker.Engine.Execution;

/// <summary>
/// Settings of the <see cref="OrderSender"/>. Holds the L2 identity sent beside the sign stage's signatures; the API
/// secret is only in <see cref="Credentials"/> (an object whose ToString hides it), never in a log.
/// </summary>
public sealed record SenderOptions
{
    /// <summary>The CLOB base address (production, the embedded venue, or an emulator).</summary>
    public Uri ClobBaseUrl { get; init; } = ClobClientOptions.PolymarketBaseUri;

    /// <summary>POLY_ADDRESS: the signer EOA whose API key signs the requests.</summary>
    public EthAddress Address { get; init; }

    /// <summary>POLY_API_KEY.</summary>
    public string ApiKey { get; init; } = "";

    /// <summary>POLY_PASSPHRASE.</summary>
    public string Passphrase { get; init; } = "";

    /// <summary>
    /// The API credentials, needed to sign what the sign stage did not: batch bodies (POST /orders), order lookups that
    /// resolve a timed-out post, retries of a cancel whose signature aged. Null: no batching, no lookups (a timed-out
    /// post stays Unknown until the user channel or reconciliation resolves it).
    /// </summary>
    public ApiCredentials? Credentials { get; init; }

    /// <summary>Deadline of one request, send to last byte of the reply. Default 5 s.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Requests the engine can queue before <see cref="OrderSender.Publish"/> refuses (a power of 2). Default 1024.</summary>
    public int QueueCapacity { get; init; } = 1024;

    /// <summary>HTTP requests in flight at once (a batch counts as one). Default 8.</summary>
    public int MaxInFlight { get; init; } = 8;

    /// <summary>Join posts that are queued at the same moment into one POST /orders (needs <see cref="Credentials"/>). Default true.</summary>
    public bool BatchPosts { get; init; } = true;

    /// <summary>Most orders in one POST /orders (the venue allows 15). Default 15.</summary>
    public int MaxBatchOrders { get; init; } = ClobClient.MaxOrdersPerBatch;

    /// <summary>Join single-order cancels that are queued at the same moment into one DELETE /orders (needs <see cref="Credentials"/>). Default true.</summary>
    public bool BatchCancels { get; init; } = true;

    /// <summary>Most orders in one DELETE /orders (the venue allows 1000). Default 100.</summary>
    public int MaxBatchCancels { get; init; } = 100;

    /// <summary>A sign-stage L2 signature older than this is re-signed when <see cref="Credentials"/> are set. Default 10 s.</summary>
    public TimeSpan MaxSignatureAge { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts of a cancel (cancels are idempotent; posts are never retried). Default 4.</summary>
    public int CancelAttempts { get; init; } = 4;

    /// <summary>First retry delay of a cancel, doubled per attempt up to <see cref="RetryMaxDelay"/>. Default 250 ms.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Cap of the cancel retry delay. Default 5 s.</summary>
    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Hold-back after a 429 or 425 that carried no Retry-After. Default 1 s.</summary>
    public TimeSpan DefaultHoldBack { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Wait before each lookup of a post whose outcome is unknown. Default 1 s.</summary>
    public TimeSpan ResolveDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Lookups of an unknown post; not found in all of them means it never reached the book. Default 3.</summary>
    public int ResolveAttempts { get; init; } = 3;

    /// <summary>How long <see cref="OrderSender.StopAsync"/> waits for requests and lookups in flight. Default 20 s.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Where sent requests go back (the sign stage's <see cref="SignStage.Pool"/>); null: to the GC.</summary>
    public SignedRequestPool? RequestPool { get; init; }

    /// <summary>The shared pooled handler (keep-alive); null: the sender builds one SocketsHttpHandler and owns it.</summary>
    public HttpMessageHandler? Handler { get; init; }

    /// <summary>The settings without the passphrase or the secret (safe to log).</summary>
    public override string ToString() =>
        "SenderOptions { ClobBaseUrl = " + ClobBaseUrl + ", Address = " + Address + ", ApiKey = " + ApiKey + ", Passphrase = ***, Credentials = "
        + (Credentials is null ? "none" : "***") + ", RequestTimeout = " + RequestTimeout + ", QueueCapacity = " + QueueCapacity
        + ", MaxInFlight = " + MaxInFlight + ", BatchPosts = " + BatchPosts + ", MaxBatchOrders = " + MaxBatchOrders + " }";
}

namespace FastMaker.Polymarket.Rest.Clob;

/// <summary>Settings of <see cref="ClobClient"/>.</summary>
public sealed class ClobClientOptions
{
    /// <summary>The production CLOB.</summary>
    public static readonly Uri PolymarketBaseUri = new("https://clob.polymarket.com");

    /// <summary>The CLOB base address (production, the embedded venue, or an emulator).</summary>
    public Uri BaseUri { get; set; } = PolymarketBaseUri;

    /// <summary>Request deadline and pool settings.</summary>
    public PolyHttpOptions Http { get; set; } = new();

    /// <summary>Stops a pagination loop that never reaches <c>LTE=</c>. Default 1000 pages.</summary>
    public int MaxPages { get; set; } = 1000;
}

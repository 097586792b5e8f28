namespace FastMaker.Cli.VenueLoad;

/// <summary>What <c>fastmaker venue-load</c> sends and where.</summary>
internal sealed class VenueLoadSettings
{
    /// <summary>CLOB base URL printed by <c>fastmaker venue</c> (the "clob" line).</summary>
    public required string ClobUrl { get; init; }

    /// <summary>Gamma base URL (the "gamma" line): where the market and its token are found.</summary>
    public required string GammaUrl { get; init; }

    /// <summary>Order posts in the timed window, spread over the connections.</summary>
    public int Orders { get; init; } = 20_000;

    /// <summary>Keep-alive connections, one sending thread each, one request in flight each (no pipelining).</summary>
    public int Connections { get; init; } = 4;

    /// <summary>Seeds the per-connection keys (same seed, same addresses).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>EIP-712 chain id the venue verifies against.</summary>
    public long ChainId { get; init; } = 137;

    /// <summary>Seconds the shared POLY_TIMESTAMP is set ahead of the end of signing.</summary>
    public int TimestampLeadSeconds { get; init; } = 25;

    /// <summary>The venue's L2 timestamp window (its default); the run stops before a request would fall outside it.</summary>
    public int TimestampWindowSeconds { get; init; } = 30;

    /// <summary>Process id of the venue, to report its CPU time per post (0: not measured).</summary>
    public int VenuePid { get; init; }
}

namespace FastMaker.Engine.Books;

/// <summary>
/// When an untrusted book asks the transport for a fresh snapshot (see <see cref="BookResync"/>). Per asset, requests are
/// at least <see cref="MinIntervalMs"/> apart; each further request for a book that did not stay trusted for
/// <see cref="MaxIntervalMs"/> in between doubles the gap, up to <see cref="MaxIntervalMs"/>, so a venue that keeps
/// sending a crossed book cannot cause a subscribe storm.
/// </summary>
public sealed class BookResyncOptions
{
    /// <summary>Request snapshots at all; false leaves an untrusted book waiting for whatever the venue sends. Default true.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The shortest gap between two requests for one asset, and the first back-off step (ms). Default 5 s.</summary>
    public long MinIntervalMs { get; init; } = 5_000;

    /// <summary>The longest gap between two requests for one asset (ms); a book trusted this long resets the back-off. Default 2 min.</summary>
    public long MaxIntervalMs { get; init; } = 120_000;

    /// <summary>Throws when a setting is out of range.</summary>
    public void Validate()
    {
        if (MinIntervalMs <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MinIntervalMs), MinIntervalMs, "MinIntervalMs must be positive");
        }

        if (MaxIntervalMs < MinIntervalMs)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxIntervalMs), MaxIntervalMs, "MaxIntervalMs must be at least MinIntervalMs (" + MinIntervalMs + ")");
        }
    }
}
